import { describe, expect, it } from "vitest";
import { sections } from "./sections";

describe("sections", () => {
  it("lists ## headings with their lines, skipping fences and deeper headings", () => {
    const body = "intro\n## BLUF\ntext\n### Detail\n```\n## not a heading\n```\n## Key judgments ##\n";
    expect(sections(body)).toEqual([
      { heading: "BLUF", line: 2 },
      { heading: "Key judgments", line: 8 },
    ]);
  });
});
