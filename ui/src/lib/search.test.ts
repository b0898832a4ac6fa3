import { describe, expect, it } from "vitest";
import { moved, snippetParts, startsGroup, target } from "./search";

describe("search box logic", () => {
  it("cuts a snippet at its UTF-8 highlights", () => {
    // "Ç" is 2 bytes: "Quds" starts at byte 9, UTF-16 index 8.
    const s = "Ça, the Quds Force left.";
    expect(snippetParts(s, [[9, 13], [14, 19]])).toEqual([
      { text: "Ça, the ", match: false },
      { text: "Quds", match: true },
      { text: " ", match: false },
      { text: "Force", match: true },
      { text: " left.", match: false },
    ]);
    expect(snippetParts("abc", [])).toEqual([{ text: "abc", match: false }]);
    // Out of order or empty ranges are skipped, never repeated.
    expect(snippetParts("abcdef", [[2, 4], [1, 2], [5, 5]])).toEqual([
      { text: "ab", match: false },
      { text: "cd", match: true },
      { text: "ef", match: false },
    ]);
  });

  it("marks where each source's group starts", () => {
    const hits = [{ source: "a" }, { source: "a" }, { source: "b" }];
    expect(hits.map((_, i) => startsGroup(hits, i))).toEqual([true, false, true]);
  });

  it("moves through the list and stops at its ends", () => {
    expect(moved(-1, "ArrowDown", 3)).toBe(0);
    expect(moved(2, "ArrowDown", 3)).toBe(2);
    expect(moved(0, "ArrowUp", 3)).toBe(0);
    expect(moved(1, "End", 3)).toBe(2);
    expect(moved(2, "Home", 3)).toBe(0);
    expect(moved(1, "x", 3)).toBe(1);
    expect(moved(0, "ArrowDown", 0)).toBe(-1);
  });

  it("opens an excerpt at itself and a source at the match in its text", () => {
    const hit = { kind: "excerpt" as const, id: "x1", source: "s1", field: "quote", range: [0, 4] as [number, number] };
    expect(target(hit)).toEqual({ source: "s1", excerpt: "x1", range: null });
    const text = { ...hit, kind: "source" as const, id: "s1", field: "text", range: [10, 14] as [number, number] };
    expect(target(text)).toEqual({ source: "s1", excerpt: null, range: [10, 14] });
    expect(target({ ...text, field: "title" })).toEqual({ source: "s1", excerpt: null, range: null });
  });
});
