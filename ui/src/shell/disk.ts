// Changes on disk: the core reports files that differ from what it loaded; the shell shows a
// reload prompt (never a silent overwrite: the core refuses to write over them anyway).

import { app } from "../lib/app.svelte";
import * as backend from "../lib/backend";

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

export async function reload() {
  const info = await backend.reloadProject().catch((e) => app.fail(e));
  if (!info) return;
  app.project = info;
  app.stale = null;
  // Undo entries replay against what was loaded before; after a reload they could undo
  // someone else's change, so the history starts again.
  app.history.clear();
  app.syncHistory();
  app.reloads++;
  app.changed();
}
