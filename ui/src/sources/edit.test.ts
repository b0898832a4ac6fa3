import { describe, expect, it } from "vitest";
import type { SourcePatch, SourceRow } from "../lib/bindings";
import { changes, formOf, restoreOf } from "./edit";

const rule = (rule: string, confidence: number) => ({ rule, confidence, evidence: null });

/** A source whose details the importer found, each with its rule and confidence. */
const row: SourceRow = {
  id: "s1",
  title: "Harbour closed",
  title_found: rule("text:first-line", 0.6),
  outlet: { value: "Gulf Observer", found: rule("html:og:site_name", 0.9) },
  author: null,
  published: { date: { value: "2015-06-03", human: "3 June 2015" }, found: rule("text:dateline", 0.8) },
  reliability: "C",
  reliability_text: "fairly reliable",
  file_name: "a.txt",
  reprint_of: null,
  excerpts: 0,
  warnings: [],
};

describe("source details", () => {
  it("sends only the fields the analyst changed, so the others keep their provenance", () => {
    const form: SourcePatch = { ...formOf(row), title: "Harbour closed again ", reliability: "B" };
    expect(changes(row, form)).toEqual({ title: "Harbour closed again ", reliability: "B" });
    expect(changes(row, formOf(row))).toEqual({});
  });

  it("clearing a field is a change", () => {
    expect(changes(row, { ...formOf(row), outlet: "" })).toEqual({ outlet: "" });
  });

  it("an undo puts back each value with the rule that found it and its confidence", () => {
    expect(restoreOf(row)).toEqual({
      title: "Harbour closed",
      outlet: "Gulf Observer",
      author: "",
      published: "2015-06-03",
      reliability: "C",
      found: {
        title: rule("text:first-line", 0.6),
        outlet: rule("html:og:site_name", 0.9),
        published: rule("text:dateline", 0.8),
      },
    });
  });

  it("a title that was never found is restored as none, not as the id shown in its place", () => {
    const untitled = { ...row, title: "s1", title_found: null };
    expect(restoreOf(untitled).title).toBe("");
    expect(restoreOf(untitled).found?.title).toBeUndefined();
  });
});
