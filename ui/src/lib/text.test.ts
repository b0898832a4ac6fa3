import { describe, expect, it } from "vitest";
import { segments, utf16Index, utf8Offset } from "./text";

const text = "Café — “Rouhani” said 😀 on Tuesday.";

describe("offsets", () => {
  it("round-trips every UTF-16 boundary through UTF-8 bytes", () => {
    for (let i = 0; i <= text.length; i++) {
      const low = text.charCodeAt(i - 1);
      if (i > 0 && low >= 0xd800 && low <= 0xdbff) continue; // inside a surrogate pair
      expect(utf16Index(text, utf8Offset(text, i))).toBe(i);
    }
  });

  it("counts multi-byte characters as the core does", () => {
    expect(utf8Offset(text, text.indexOf("—"))).toBe(6);
    expect(utf8Offset(text, text.length)).toBe(new TextEncoder().encode(text).length);
  });
});

describe("segments", () => {
  const check = (marks: { id: string; start: number; end: number }[], expected: [string, string | null][]) =>
    expect(segments(text, marks).map((s) => [s.text, s.mark])).toEqual(expected);

  it("keeps the whole text when nothing is marked", () => {
    check([], [[text, null]]);
  });

  it("marks a byte range after multi-byte characters", () => {
    const start = utf8Offset(text, text.indexOf("“"));
    const end = utf8Offset(text, text.indexOf(" said"));
    check([{ id: "x1", start, end }], [
      ["Café — ", null],
      ["“Rouhani”", "x1"],
      [" said 😀 on Tuesday.", null],
    ]);
  });

  it("lets the earlier of two overlapping marks win", () => {
    // "Café" is bytes 0..5 and " —" bytes 5..9.
    check(
      [
        { id: "b", start: 3, end: 9 },
        { id: "a", start: 0, end: 5 },
      ],
      [
        ["Café", "a"],
        [" —", "b"],
        [" “Rouhani” said 😀 on Tuesday.", null],
      ],
    );
  });
});
