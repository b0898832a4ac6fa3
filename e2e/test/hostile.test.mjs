// Hostile sources (e2e/fixtures/hostile.*: <script>, <img onerror>, javascript: links, raw HTML
// in Markdown, auto-firing handlers) are imported, shown in the reader, excerpted and quoted in
// the briefing preview beside hostile Markdown typed into the briefing, and nothing in them
// runs: the canary (the window title, `window.__pwned`, an alert) never fires, the reader holds
// text and the app's own overlays only, and the preview holds nothing that could run.

import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { By, Key, until } from "selenium-webdriver";
import { button, field, launch, newProjectWith, openSource, REPO, textMatching, visible, WAIT_MS } from "../lib/app.mjs";
import { assertNothingRan, elementsInside, previewFrame, selectText } from "../lib/page.mjs";

const FIXTURES = ["hostile.html", "hostile.md", "hostile.txt"].map((f) => path.join(REPO, "e2e/fixtures", f));
/** The reader's own markup: excerpt marks, date underlines, suggested passages. */
const READER_OVERLAYS = /^(mark(\.current)?\[\]|span\.(timex|suggested|timex\.suggested)\[(data-date,)?title\])$/;
const SCRIPT_LINE = '<script>document.title = "PWNED md-script"; window.__pwned = "md-script"; alert("md-script");</script>';
const TYPED =
  `<img src=x onerror="document.title='PWNED briefing-img'"> <script>document.title='PWNED briefing-script'</script> ` +
  `[link](javascript:document.title='PWNED-briefing-link') <a href="javascript:alert(1)">raw</a> <iframe srcdoc="x"></iframe>`;

test("hostile sources are shown as text and nothing in them runs", { timeout: 180_000 }, async () => {
  const app = await launch("hostile");
  const { driver, shot } = app;
  try {
    const summary = await newProjectWith(app, path.join(app.out, "project"), FIXTURES);
    assert.match(summary, /^3 imported .* 0 failed$/);
    await assertNothingRan(driver, "after the import");

    for (const file of FIXTURES.map((f) => path.basename(f))) {
      await (await button(driver, "Sources")).click();
      const text = await (await openSource(driver, file)).getText();
      await shot(`reader-${file.replace(".", "-")}`);
      for (const e of await elementsInside(driver, "[data-testid=reader-text]")) {
        assert.match(e, READER_OVERLAYS, `${file}: the reader made an element of the source`);
      }
      if (!file.endsWith(".html")) {
        // Markdown and plain text keep raw HTML as literal text, shown as such.
        assert.ok(text.includes("<script>document.title"), `${file}: the raw <script> is shown as text`);
      }
      await assertNothingRan(driver, `in the reader of ${file}`);
    }

    // The Markdown source's <script> line becomes a dated excerpt, quoted by the briefing.
    await (await button(driver, "Sources")).click();
    await openSource(driver, "hostile.md");
    await selectText(driver, "[data-testid=reader-text]", SCRIPT_LINE);
    await driver.actions().sendKeys("e").perform();
    await textMatching(driver, ".inspector blockquote", /^<script>document\.title/);
    const date = await field(driver, "Event date");
    await date.sendKeys("2026-03-03");
    // The form saves only a date that the live parse has accepted.
    await textMatching(driver, ".inspector .echo", /^3 March 2026$/);
    await date.sendKeys(Key.ENTER);
    await textMatching(driver, ".excerpt-list .date", /^3 March 2026$/);
    await assertNothingRan(driver, "after excerpting the <script> line");

    await (await button(driver, "Briefing")).click();
    await (await driver.wait(until.elementLocated(By.xpath('//nav[@aria-label="Sections"]/button[normalize-space(.)="BLUF"]')), WAIT_MS)).click();
    await driver.actions().sendKeys(Key.END, Key.ENTER, Key.ENTER, TYPED).perform();
    // A one-page template shows the typed Markdown; the chronology template quotes the
    // <script> excerpt. Each preview in turn holds nothing that could run.
    for (const [template, expected] of [
      ["one-pager", "PWNED briefing-script"],
      ["chronology", '<script>document.title = "PWNED md-script"'],
    ]) {
      await (await visible(driver, `[data-testid=template-picker] option[value="${template}"]`)).click();
      const preview = await driver.wait(
        async () => {
          const p = await previewFrame(driver);
          return p?.text.includes(expected) ? p : null;
        },
        WAIT_MS,
        `waiting for the preview to show ${expected} as text`,
      );
      await driver.sleep(1000); // late handlers (failed image loads) have had their chance
      await shot(`preview-${template}`);
      assert.deepEqual(preview.runnable, [], "the preview holds nothing that could run");
      assert.ok(!/allow-scripts/.test(preview.sandbox ?? "allow-scripts"), `the preview frame is sandboxed without scripts: ${preview.sandbox}`);
      const after = await previewFrame(driver);
      assert.equal(after.pwned, null, "window.__pwned in the preview frame");
      assert.doesNotMatch(after.title, /PWNED/, "the preview frame's title");
      await assertNothingRan(driver, `with the briefing preview open (${template})`);
    }
  } finally {
    await app.close();
  }
});
