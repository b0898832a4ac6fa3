import { describe, expect, it } from "vitest";
import { chipLayout, citationAt, citationText, findCitations } from "./citations";

describe("citation groups", () => {
  it("finds single and grouped citations with each id's offsets", () => {
    const text = "Ferries stopped [@a-1] [@b; @c-2, p. 4].";
    const got = findCitations(text, 100);
    expect(got.map((g) => text.slice(g.from - 100, g.to - 100))).toEqual(["[@a-1]", "[@b; @c-2, p. 4]"]);
    expect(got[1].ids.map((c) => [c.id, text.slice(c.from - 100, c.to - 100)])).toEqual([
      ["b", "b"],
      ["c-2", "c-2"],
    ]);
  });

  it("leaves alone what the core does not read as a citation", () => {
    expect(findCitations("[@Upper] [@] [note] [@a; b] [@a\n]")).toEqual([]);
    // As the core: what follows an id up to `]` is a locator, brackets included.
    expect(findCitations("[@oops and [@ok]").map((g) => g.ids.map((c) => c.id))).toEqual([["oops"]]);
  });

  it("keeps a group a chip unless the selection ends inside it", () => {
    const text = "x [@a] y";
    const raw = (from: number, to: number) => chipLayout(text, 0, [{ from, to }])[0].raw;
    expect(raw(2, 2)).toBe(false); // cursor before the chip
    expect(raw(6, 6)).toBe(false); // cursor after it
    expect(raw(4, 4)).toBe(true); // cursor inside: the id is edited as text
    expect(raw(0, 8)).toBe(false); // the whole line selected
    expect(raw(4, 8)).toBe(true);
  });

  it("lays out the chips of a 5,000-line briefing", () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++) {
      lines.push(i % 5 === 0 ? `## Section ${i}` : `- Judgment ${i} is likely [@e-${i}] [@f-${i}; @g-${i}].`);
    }
    const text = lines.join("\n");
    const cursor = text.indexOf("[@e-4999]") + 3;
    const chips = chipLayout(text, 0, [{ from: cursor, to: cursor }]);
    expect(chips.length).toBe(4000 * 2);
    expect(chips.filter((c) => c.raw).map((c) => c.ids)).toEqual([["e-4999"]]);
    expect(chips.at(-1)).toEqual({ from: text.length - 19, to: text.length - 1, ids: ["f-4999", "g-4999"], raw: false });
    // The editor lays out only the lines on screen: the same answer for a slice.
    const from = text.indexOf("- Judgment 2501 ");
    const slice = text.slice(from, text.indexOf("\n", text.indexOf("- Judgment 2539 ")));
    const some = chipLayout(slice, from, []);
    expect(some.length).toBe(32 * 2);
    expect(some[0]).toEqual({ ...chips.find((c) => c.from === some[0].from)!, raw: false });
  });

  it("finds the group a position touches", () => {
    const text = "a [@x] b";
    expect(citationAt(text, 0, 2)?.ids[0].id).toBe("x");
    expect(citationAt(text, 0, 6)?.ids[0].id).toBe("x");
    expect(citationAt(text, 0, 7)).toBeNull();
  });

  it("writes citations with a space where one is needed", () => {
    expect(citationText(["a", "b"], "held")).toBe(" [@a] [@b]");
    expect(citationText(["a"], "held ")).toBe("[@a]");
    expect(citationText(["a"], "")).toBe("[@a]");
  });
});
