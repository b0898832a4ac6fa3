// Source details edited in the reader, as undoable commands.

import { app } from "../lib/app.svelte";
import * as backend from "../lib/backend";

/** The details of `row` as a patch that puts them back (an unknown value clears). */
export function patchOf(row: backend.SourceRow): backend.SourcePatch {
  return {
    title: row.title_found ? row.title : "",
    outlet: row.outlet?.value ?? "",
    author: row.author?.value ?? "",
    published: row.published?.date.value ?? "",
    reliability: row.reliability,
  };
}

/** Applies `patch` to the source `before` shows and records how to undo it. Undo restores the
 * values; they then count as the analyst's, as any value set by hand. */
export async function editSource(before: backend.SourceRow, patch: backend.SourcePatch) {
  const after = await backend.editSource(before.id, patch);
  const undo = patchOf(before);
  app.did({
    label: "Edit source details",
    undo: async () => void (await backend.editSource(before.id, undo)),
    redo: async () => void (await backend.editSource(before.id, patch)),
  });
  return after;
}
