// Duplicating a template as an undoable command: undo removes the copy, unless its files were
// edited since (the core refuses then, and says so).

import { app } from "../lib/app.svelte";
import * as backend from "../lib/backend";

export async function duplicateTemplate(from: string, name: string): Promise<backend.TemplateDetail> {
  let copy = await backend.duplicateTemplate(from, name);
  app.did({
    label: "Duplicate template",
    undo: async () => void (await backend.removeTemplateCopy(name, copy.files)),
    redo: async () => {
      copy = await backend.duplicateTemplate(from, name);
    },
  });
  return copy;
}
