import { describe, expect, it } from "vitest";
import type { LintWarning } from "../lib/backend";
import { confidenceInsertion, marksOf } from "./estimative";
import { utf16Indices, utf8Offset } from "../lib/text";

/** The line with the statement inserted where the cursor (`|`) asks for it. */
function check(withCursor: string, expected: string) {
  const col = withCursor.indexOf("|");
  const line = withCursor.replace("|", "");
  const { at, insert } = confidenceInsertion(line, col, "moderate confidence");
  expect(line.slice(0, at) + insert + line.slice(at)).toBe(expected);
}

const WE = "We have moderate confidence in this judgment.";

describe("confidence statement", () => {
  it("goes after the sentence the cursor is in, as a sentence of its own", () => {
    check("- Iran will li|kely stay [@a]. Prices rose.", `- Iran will likely stay [@a]. ${WE} Prices rose.`);
    check("- Iran will likely stay [@a].|", `- Iran will likely stay [@a]. ${WE}`);
    check("- Iran will likely st|ay [@a]", `- Iran will likely stay [@a] ${WE}`);
    check("|", WE);
    check("v1.2 is lik|ely out.", `v1.2 is likely out. ${WE}`);
  });
});

describe("warnings as marks", () => {
  it("turns the core's byte ranges into the editor's offsets past multi-byte text", () => {
    const text = "Café – ok. It is likely, with low confidence. [@gone]";
    const bytes = (s: string) => utf8Offset(text, text.indexOf(s));
    const w = (kind: string, from: string, to: string): LintWarning => ({
      kind,
      line: 1,
      message: kind,
      start: bytes(from),
      end: bytes(to) + new TextEncoder().encode(to).length,
    });
    const marks = marksOf(text, [
      w("unknown-citation", "gone", "gone"),
      w("likelihood-with-confidence", "It is", "confidence."),
      { kind: "authority-missing", line: 1, message: "no range", start: null, end: null },
    ]);
    expect(marks.map((m) => [m.severity, text.slice(m.from, m.to)])).toEqual([
      ["error", "gone"],
      ["warning", "It is likely, with low confidence."],
    ]);
  });

  it("maps many offsets in one pass, in the order given", () => {
    const text = "a😀é";
    expect(utf16Indices(text, [7, 0, 5, 1, 99])).toEqual([4, 0, 3, 1, 4]);
  });
});
