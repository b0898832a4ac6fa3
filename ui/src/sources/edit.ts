// Source details edited in the reader, as undoable commands.

import { app } from "../lib/app.svelte";
import * as backend from "../lib/backend";

/** The details the form edits, as `row` shows them (an unknown value is empty). */
export function formOf(row: backend.SourceRow): backend.SourcePatch {
  return {
    title: row.title_found ? row.title : "",
    outlet: row.outlet?.value ?? "",
    author: row.author?.value ?? "",
    published: row.published?.date.value ?? "",
    reliability: row.reliability,
  };
}

/** The details of `row` as a patch that puts them back exactly: each value with the rule that
 * found it and its confidence, not as the analyst's. */
export function restoreOf(row: backend.SourceRow): backend.SourcePatch {
  const found: backend.SourceFound = {};
  if (row.title_found) found.title = row.title_found;
  if (row.outlet) found.outlet = row.outlet.found;
  if (row.author) found.author = row.author.found;
  if (row.published) found.published = row.published.found;
  return { ...formOf(row), found };
}

type Field = "title" | "outlet" | "author" | "published" | "reliability";
const FIELDS: Field[] = ["title", "outlet", "author", "published", "reliability"];

/** The fields of `form` that differ from `row`: only those become the analyst's. */
export function changes(row: backend.SourceRow, form: backend.SourcePatch): backend.SourcePatch {
  const before = formOf(row);
  return Object.fromEntries(FIELDS.filter((k) => (form[k] ?? "").trim() !== before[k]).map((k) => [k, form[k]]));
}

/** Applies the form's changes to the source `before` shows and records how to undo them. */
export async function editSource(before: backend.SourceRow, form: backend.SourcePatch) {
  const patch = changes(before, form);
  const after = await backend.editSource(before.id, patch);
  const undo = restoreOf(before);
  app.did({
    label: "Edit source details",
    undo: async () => void (await backend.editSource(before.id, undo)),
    redo: async () => void (await backend.editSource(before.id, patch)),
  });
  return after;
}
