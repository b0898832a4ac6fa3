// The demo project (samples/demo, what `scripts/run` opens) in every view: sources, the reader
// with its excerpts, the chronology, the briefing and its preview, the templates. Its
// screenshots are the README's (docs/screenshots/): the demo is the repository's own material.

import assert from "node:assert/strict";
import { cpSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { By } from "selenium-webdriver";
import { button, launch, openSource, REPO, textMatching, visible, WAIT_MS } from "../lib/app.mjs";
import { previewFrame } from "../lib/page.mjs";

test("the demo project opens and every view shows it", { timeout: 180_000 }, async () => {
  // A copy: the app saves as it goes, and samples/demo is part of the repository.
  const demo = path.join(process.env.E2E_OUT, "demo", "project");
  cpSync(path.join(REPO, "samples/demo"), demo, { recursive: true });
  const app = await launch("demo", { args: [demo] });
  const { driver, shot } = app;
  const noError = async (where) =>
    assert.deepEqual(await Promise.all((await driver.findElements(By.css("[role=alert]"))).map((e) => e.getText())), [], where);
  try {
    await visible(driver, ".sources tbody tr", 60_000);
    assert.equal((await driver.findElements(By.css(".sources tbody tr"))).length, 7, "the demo's seven sources");
    await shot("sources");

    await openSource(driver, "Militia frees Aster Bay");
    await visible(driver, "[data-testid=reader-text] mark");
    await (await visible(driver, ".excerpt-list button")).click();
    await visible(driver, ".inspector blockquote");
    await noError("in the reader");
    await shot("reader");

    await (await button(driver, "Chronology")).click();
    await (await visible(driver, "[data-testid=chrono-entry]")).click();
    await noError("in the chronology");
    await shot("chronology");

    await (await button(driver, "Briefing")).click();
    await driver.wait(async () => (await previewFrame(driver))?.text.includes("Kessen Strait blockade"), WAIT_MS, "waiting for the briefing's preview");
    await noError("in the briefing");
    await shot("briefing");

    await (await button(driver, "Templates")).click();
    await textMatching(driver, "[data-testid=template-file]", /\S/);
    await driver.wait(async () => (await previewFrame(driver))?.text.includes("Kessen Strait blockade"), WAIT_MS, "waiting for the template's preview");
    await noError("in the templates");
    await shot("templates");
  } finally {
    await app.close();
  }
});
