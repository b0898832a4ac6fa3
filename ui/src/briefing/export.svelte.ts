// Exporting the briefing: the save dialog only picks a path and hands it to `exportTo`,
// which is the rest of the real app (the end-to-end tests call it with their own path, as
// WebDriver cannot drive a native dialog).

import { app } from "../lib/app.svelte";
import * as backend from "../lib/backend";

/** The last export, for the "Open" and "Reveal" buttons. */
export const exported = $state({ path: "", format: "" as backend.ExportFormat | "", busy: false });

/** The editor registers how to save what is typed, so that an export never misses it. */
let flushEditor: () => Promise<void> = async () => {};

export function registerEditor(flush: () => Promise<void>) {
  flushEditor = flush;
}

export async function exportTo(format: backend.ExportFormat, path: string): Promise<string | null> {
  exported.busy = true;
  try {
    await flushEditor();
    // The briefing's saved template (the picker saves the choice): what the preview shows.
    const written = await backend.exportBriefing(app.briefing, null, format, path);
    exported.path = written;
    exported.format = format;
    app.status = `Exported ${written}`;
    return written;
  } catch (e) {
    return app.fail(e);
  } finally {
    exported.busy = false;
  }
}

/** Asks where to save (native dialog), then exports there. */
export async function exportBriefing(format: backend.ExportFormat) {
  if (!app.project) return;
  const path = await backend.pickExportPath(format, app.briefing).catch((e) => app.fail(e));
  if (path) await exportTo(format, path);
}

export const openExported = () => backend.openExport(exported.path).catch((e) => app.fail(e));
export const revealExported = () => backend.revealExport(exported.path).catch((e) => app.fail(e));
