// The briefing editor's own measure on a long briefing: the demo's briefing grown to 5,000+
// lines of cited paragraphs, then keys typed one at a time near its end (chips on screen); the
// editor times each key's update (state, chips, lint marks, DOM: `Editor.svelte`'s
// `dispatchTransactions`) and shows the last on its host. A figure, never asserted as a time.
// Run with `scripts/e2e --measure`.

import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { By } from "selenium-webdriver";
import { button, launch, REPO, visible, WAIT_MS } from "../lib/app.mjs";
import { previewFrame } from "../lib/page.mjs";

const LINES = 5000;

test("typing in a 5,000-line briefing: the editor's time per key", { timeout: 300_000 }, async (t) => {
  const demo = path.join(process.env.E2E_OUT, "drafting-measure", "project");
  cpSync(path.join(REPO, "samples/demo"), demo, { recursive: true });
  const file = path.join(demo, "briefings/main.md");
  const ids = [...readFileSync(file, "utf8").matchAll(/\[@([a-z0-9-]+)\]/g)].map((m) => m[1]);
  const long = [];
  for (let i = 0; i < LINES; i++) {
    long.push(i % 2 ? "" : `Paragraph ${i}: the strait is likely to stay open while the review runs [@${ids[i % ids.length]}] [@${ids[(i + 3) % ids.length]}].`);
  }
  writeFileSync(file, readFileSync(file, "utf8").replace("## Outlook", `${long.join("\n")}\n\n## Outlook`));
  const app = await launch("drafting-measure", { args: [demo] });
  const { driver } = app;
  try {
    await visible(driver, ".sources tbody tr", 60_000);
    await (await button(driver, "Briefing")).click();
    await driver.wait(async () => (await previewFrame(driver))?.text.includes("Paragraph 4998"), 120_000, "the long preview");
    await (await driver.findElement(By.xpath('//nav[@aria-label="Sections"]//button[normalize-space(.)="Outlook"]'))).click();
    await driver.actions().sendKeys("\uE013", "\uE013").perform(); // ArrowUp twice: the last paragraph
    const host = await visible(driver, "[data-testid=briefing-editor-host]");
    const chips = await driver.executeScript(
      () => document.querySelector("[data-testid=briefing-editor-host]").shadowRoot.querySelectorAll(".cm-chip").length,
    );
    t.diagnostic(`chips on screen: ${chips}`);
    const times = [];
    const word = "steadily onward through the review ";
    for (const ch of word) {
      const before = await host.getAttribute("data-keys");
      await driver.actions().sendKeys(ch).perform();
      await driver.wait(async () => (await host.getAttribute("data-keys")) !== before, WAIT_MS, "the key's time");
      times.push(Number(await host.getAttribute("data-key-ms")));
      await driver.sleep(100); // a typist's pace
    }
    const sorted = [...times].sort((a, b) => a - b);
    const figure = {
      keys: times.length,
      median_ms: sorted[Math.floor(sorted.length / 2)],
      p90_ms: sorted[Math.floor(sorted.length * 0.9)],
      max_ms: sorted.at(-1),
    };
    t.diagnostic(`FIGURE editor_key_ms_5000_lines: ${JSON.stringify(figure)}`);
    writeFileSync(path.join(process.env.E2E_OUT, "figures-drafting.json"), JSON.stringify({ editor_key_ms_5000_lines: figure }, null, 2));
    await app.shot("long-briefing");
  } finally {
    await app.close();
  }
});
