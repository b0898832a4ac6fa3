// Hostile sources (e2e/fixtures/hostile.*: <script>, <img onerror>, javascript: links, raw HTML
// in Markdown, auto-firing handlers) are imported and shown, and nothing in them runs: the
// canary (the window title, `window.__pwned`, an alert) never fires, and the reader holds text
// only, no element made from the source.

import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { answerDialog, button, launch, openSource, REPO, textMatching } from "../lib/app.mjs";
import { assertNothingRan, elementsInside } from "../lib/page.mjs";

const READER_OVERLAYS = new Set(["span.timex", "span.suggested", "span.timex.suggested"]);

const FIXTURES = ["hostile.html", "hostile.md", "hostile.txt"].map((f) => path.join(REPO, "e2e/fixtures", f));

test("hostile sources are shown as text and nothing in them runs", { timeout: 120_000 }, async () => {
  const app = await launch("hostile");
  const { driver, shot } = app;
  try {
    await textMatching(driver, ".start h1", /^Dossier$/);
    await (await button(driver, "New project")).click();
    await answerDialog(driver, [path.join(app.out, "project")]);
    await (await button(driver, "Import files")).click();
    await answerDialog(driver, FIXTURES);
    const summary = await textMatching(driver, "[data-testid=import-summary]", /imported/);
    assert.match(summary, /^3 imported .* 0 failed$/);
    await shot("imported");
    await assertNothingRan(driver, "after the import");

    for (const file of FIXTURES.map((f) => path.basename(f))) {
      await (await button(driver, "Sources")).click();
      const text = await (await openSource(driver, file)).getText();
      await shot(`reader-${file.replace(".", "-")}`);
      // The reader's own overlays (dates underlined, suggested sentences) are the only elements
      // allowed; anything else would be markup taken from the source.
      const made = (await elementsInside(driver, "[data-testid=reader-text]")).filter(
        (e) => !READER_OVERLAYS.has(e),
      );
      assert.deepEqual(made, [], `${file}: the reader made elements of the source`);
      if (!file.endsWith(".html")) {
        // Markdown and plain text keep raw HTML as literal text, shown as such.
        assert.ok(text.includes("<script>document.title"), `${file}: the raw <script> is shown as text`);
      }
      await assertNothingRan(driver, `in the reader of ${file}`);
    }
    // Handlers that would fire late (failed image loads, animations) have had their chance.
    await driver.sleep(1000);
    await assertNothingRan(driver, "at the end");
  } finally {
    await app.close();
  }
});
