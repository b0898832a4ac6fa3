import { describe, expect, it } from "vitest";
import { layers, segments, utf16Index, utf8Offset } from "./text";

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

describe("layers", () => {
  const t = "Café closed on Tuesday; it reopened in June.";
  const at = (s: string) => utf8Offset(t, t.indexOf(s));
  const range = (s: string) => ({ start: at(s), end: at(s) + new TextEncoder().encode(s).length });

  it("overlays excerpts, dates and suggestions at byte offsets after multi-byte text", () => {
    const tuesday = { ...range("Tuesday"), date: { value: "2015-06-02", human: "2 June 2015" } };
    const june = { ...range("June"), date: null };
    const out = layers(t, [{ id: "x1", ...range("closed on Tuesday") }], [tuesday, june], [range("it reopened in June")]);
    expect(out.map((p) => [p.text, p.mark, p.date?.value ?? null, p.suggested])).toEqual([
      ["Café ", null, null, false],
      ["closed on ", "x1", null, false],
      ["Tuesday", "x1", "2015-06-02", false],
      ["; ", null, null, false],
      ["it reopened in ", null, null, true],
      ["June", null, "", true],
      [".", null, null, false],
    ]);
    expect(out.map((p) => p.text).join("")).toBe(t);
  });

  it("keeps the whole text when there is nothing to overlay", () => {
    expect(layers(t, [], [], [])).toEqual([{ text: t, mark: null, date: null, suggested: false }]);
  });
});
