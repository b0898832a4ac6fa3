// Changes on disk: the core reports files that differ from what it loaded; the shell shows a
// reload prompt (never a silent overwrite: the core refuses to write over them anyway). A
// reload keeps what the analyst typed: see `../lib/pending`.

import { app } from "../lib/app.svelte";
import * as backend from "../lib/backend";
import { reloadKeeping } from "../lib/pending";

let checking = false;

export async function checkDisk() {
  if (!app.project || checking) return;
  checking = true;
  try {
    const changed = await backend.changesOnDisk();
    app.stale = changed.length > 0 ? changed : null;
  } catch {
    // A failed look is not worth an alert; the next one, or the next save, will tell.
  } finally {
    checking = false;
  }
}

let reloading = false;

export async function reload() {
  if (reloading) return;
  reloading = true;
  try {
    const disk = { changes: backend.changesOnDisk, reload: backend.reloadProject };
    const info = await reloadKeeping(app.pending.dirty(), disk, (c) => app.choose(c), (e) => app.fail(e)).catch((e) => app.fail(e));
    if (!info) return;
    app.project = info;
    app.stale = null;
    // Undo entries replay against what was loaded before; after a reload they could undo
    // someone else's change, so the history starts again.
    app.history.clear();
    app.syncHistory();
    app.reloads++;
    app.changed();
  } finally {
    reloading = false;
  }
}
