// Excerpt edits as undoable commands: each records the core call that puts things back.

import { app } from "../lib/app.svelte";
import * as backend from "../lib/backend";

/** Every field the inspector edits, as a patch that restores `x`. */
export function patchOf(x: backend.ExcerptView): backend.ExcerptPatch {
  return {
    date: x.date?.date.value ?? "",
    reported: x.reported?.value ?? "",
    summary: x.summary,
    credibility: x.credibility,
    tags: x.tags,
    portion: x.portion ?? "",
    note: x.note,
    sequence: x.sequence,
  };
}

/** Applies `patch` to excerpt `before` and records how to undo it. */
export async function editExcerpt(before: backend.ExcerptView, patch: backend.ExcerptPatch) {
  const after = await backend.editExcerpt(before.id, patch);
  const undo = patchOf(before);
  app.did({
    label: "Edit excerpt",
    undo: async () => void (await backend.editExcerpt(before.id, undo)),
    redo: async () => void (await backend.editExcerpt(before.id, patch)),
  });
  return after;
}

/** Makes an excerpt again as it was (same range, so the same id when it is free). */
async function recreate(x: backend.ExcerptView): Promise<string> {
  const made = await backend.addExcerpt({ source: x.source, start: x.start, end: x.end });
  await backend.editExcerpt(made.id, patchOf(x));
  return made.id;
}

export async function addExcerpt(sel: backend.NewExcerpt) {
  const x = await backend.addExcerpt(sel);
  let id = x.id;
  app.did({
    label: "Make excerpt",
    undo: async () => void (await backend.removeExcerpt(id)),
    redo: async () => {
      id = (await backend.addExcerpt(sel)).id;
    },
  });
  return x;
}

export async function removeExcerpt(x: backend.ExcerptView) {
  await backend.removeExcerpt(x.id);
  let id = x.id;
  app.did({
    label: "Remove excerpt",
    undo: async () => {
      id = await recreate(x);
    },
    redo: async () => void (await backend.removeExcerpt(id)),
  });
}
