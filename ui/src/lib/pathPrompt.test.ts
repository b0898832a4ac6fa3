import { describe, expect, it } from "vitest";
import { pathPrompt } from "./pathPrompt.svelte";

describe("the test harness's path field", () => {
  function check(multiple: boolean, typed: string | null, expected: string[] | null) {
    const answer = pathPrompt.ask("title", multiple);
    pathPrompt.answer(typed);
    return expect(answer).resolves.toEqual(expected);
  }

  it("gives one path per non-blank line", () => check(true, " /a/b.txt \n\n/c d.md\n", ["/a/b.txt", "/c d.md"]));
  it("gives one path when only one is asked for", () => check(false, "/a\n/b", ["/a"]));
  it("is a cancel when left blank", () => check(true, " \n ", null));
  it("is a cancel when cancelled", () => check(false, null, null));
  it("cancels a question that a new one replaces", async () => {
    const first = pathPrompt.ask("first", false);
    const second = pathPrompt.ask("second", false);
    pathPrompt.answer("/x");
    await expect(first).resolves.toBeNull();
    await expect(second).resolves.toEqual(["/x"]);
  });
});
