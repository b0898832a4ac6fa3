// Start-view actions, shared with the shell's shortcuts.

import { app } from "../lib/app.svelte";
import * as backend from "../lib/backend";

/** Before another project opens: unsaved edits are saved to the project they belong to, and
 * the undo history, which replays against that project, starts again. False when a save
 * failed: the analyst sees why and the project stays open. */
async function leave(): Promise<boolean> {
  for (const e of app.pending.dirty()) {
    if ((await e.save().then(() => true, (err) => app.fail(err))) === null) return false;
  }
  app.history.clear();
  app.syncHistory();
  return true;
}

export async function openAt(dir: string) {
  if (!(await leave())) return;
  const info = await backend.openProject(dir).catch((e) => app.fail(e));
  if (info) {
    app.project = info;
    app.view = "sources";
    app.changed();
  }
}

/** The demo project: the analyst's own copy of the one shipped with the app, made on first use. */
export async function openDemo() {
  const dir = await backend.openDemo().catch((e) => app.fail(e));
  if (dir) await openAt(dir);
}

export async function openFolder() {
  const dir = await backend.pickFolder("Open a Dossier project").catch((e) => app.fail(e));
  if (dir) await openAt(dir);
}

export async function newProject() {
  const dir = await backend.pickFolder("Choose a folder for the new project").catch((e) => app.fail(e));
  if (!dir || !(await leave())) return;
  const info = await backend.createProject(dir, "").catch((e) => app.fail(e));
  if (info) {
    app.project = info;
    app.view = "sources";
    app.changed();
  }
}

/** Progress of the running import, for the sources view. */
export const importing = $state({ done: 0, total: 0, file: "", summary: "" });

export async function importPaths(paths: string[]) {
  if (!app.project || paths.length === 0) return;
  importing.done = 0;
  importing.total = paths.length;
  const stop = await backend.onImportProgress((p) => {
    importing.done = p.done;
    importing.total = p.total;
    importing.file = p.file;
  });
  try {
    const outcomes = await backend.importFiles(paths);
    const count = (s: backend.ImportStatus) => outcomes.filter((o) => o.status === s).length;
    const failed = outcomes.filter((o) => o.status === "failed");
    const cancelled = count("cancelled");
    importing.summary =
      `${count("imported") + count("reprint")} imported (${count("reprint")} probable reprints), ${count("duplicate")} already there, ${failed.length} failed` +
      (cancelled ? `, ${cancelled} not imported (cancelled)` : "");
    if (failed.length) app.error = failed.map((f) => f.error?.message ?? f.file).join("\n");
  } catch (e) {
    app.fail(e);
  } finally {
    stop();
    importing.total = 0;
    app.changed();
  }
}

/** Stops the running import before its next file; what was extracted until then is kept. */
export async function cancelImport() {
  await backend.cancelImport().catch((e) => app.fail(e));
}

export async function importFiles() {
  if (!app.project) return;
  const paths = await backend.pickFiles().catch((e) => app.fail(e) ?? []);
  await importPaths(paths);
}
