// Estimative language in the editor: where a confidence statement goes (a sentence of its own
// after the one being written, as ICD 203 asks), and the core's warnings as marks on the text.
// The terms themselves and the rules come from the core (`estimative_terms`, the lint).

import type { LintWarning } from "../lib/backend";
import { utf16Indices } from "../lib/text";

/** The confidence statement for a level ("moderate confidence"). */
export function confidenceStatement(level: string): string {
  return `We have ${level} in this judgment.`;
}

/** Where the statement goes in `line` with the cursor at `col`: after the end of the sentence
 * the cursor is in (a `.`, `!` or `?` followed by a space or the line's end), else at the
 * line's end; with the space it needs before it. */
export function confidenceInsertion(line: string, col: number, level: string): { at: number; insert: string } {
  const sentence = confidenceStatement(level);
  let at = line.trimEnd().length;
  for (let i = Math.max(col - 1, 0); i < line.length; i++) {
    if (".!?".includes(line[i]) && (i + 1 === line.length || line[i + 1] === " ")) {
      at = i + 1;
      break;
    }
  }
  at = Math.max(at, Math.min(col, line.trimEnd().length));
  const before = line.slice(0, at);
  const after = line.slice(at);
  const lead = before === "" || /\s$/.test(before) ? "" : " ";
  const trail = after !== "" && !/^\s/.test(after) ? " " : "";
  return { at, insert: `${lead}${sentence}${trail}` };
}

/** A warning placed on the text: UTF-16 offsets, and how serious it is to the editor. */
export interface Mark {
  from: number;
  to: number;
  kind: string;
  message: string;
  severity: "error" | "warning";
}

/** The warnings that name a range of `text` (the body they were computed for), as marks;
 * one pass over the text for all of them. */
export function marksOf(text: string, warnings: readonly LintWarning[]): Mark[] {
  const placed = warnings.filter((w) => w.start != null && w.end != null);
  const at = utf16Indices(text, placed.flatMap((w) => [w.start!, w.end!]));
  return placed.map((w, i) => ({
    from: at[2 * i],
    to: Math.max(at[2 * i + 1], at[2 * i]),
    kind: w.kind,
    message: w.message,
    severity: w.kind === "unknown-citation" ? "error" : "warning",
  }));
}
