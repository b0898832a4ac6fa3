// A `git pull` lands while the analyst is typing: the briefing changed on disk and in the
// editor. The app does not drop the typed text on reload: it asks whose version stays, and
// "Keep mine" writes the editor's text over the pulled file.

import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { By, Key, until } from "selenium-webdriver";
import { button, launch, REPO, textMatching, visible, WAIT_MS } from "../lib/app.mjs";
import { previewFrame } from "../lib/page.mjs";

const THEIRS = "A paragraph pulled from a colleague.";
const MINE = "A paragraph typed in the app.";

test("reload: a file changed on disk and in the editor is a choice, never a loss", { timeout: 180_000 }, async () => {
  const project = path.join(process.env.E2E_OUT, "reload", "project");
  cpSync(path.join(REPO, "samples/demo"), project, { recursive: true });
  const file = path.join(project, "briefings/main.md");
  const app = await launch("reload", { args: [project] });
  const { driver, shot } = app;
  try {
    await visible(driver, ".sources tbody tr", 60_000);
    await (await button(driver, "Briefing")).click();
    await driver.wait(async () => (await previewFrame(driver))?.text.includes("Kessen Strait blockade"), WAIT_MS, "waiting for the briefing's preview");

    // The pull, then the analyst types: the autosave is refused (the file changed since it was
    // loaded) and the text stays in the editor, unsaved.
    writeFileSync(file, readFileSync(file, "utf8").replace("## Discussion\n", `## Discussion\n\n${THEIRS}\n`));
    await (await driver.wait(until.elementLocated(By.xpath('//nav[@aria-label="Sections"]/button[normalize-space(.)="BLUF"]')), WAIT_MS)).click();
    await driver.actions().sendKeys(Key.END, Key.ENTER, Key.ENTER, MINE).perform();
    await textMatching(driver, "[data-testid=save-state]", /^Not saved$/);
    await visible(driver, "[data-testid=stale]");
    assert.ok(!readFileSync(file, "utf8").includes(MINE), "nothing was written over the pulled file");
    await shot("stale");

    await (await button(driver, "Reload")).click();
    await textMatching(driver, "[data-testid=conflict]", /the briefing text \(briefings\/main\.md\)/);
    await shot("conflict");

    await (await button(driver, "Keep mine")).click();
    await driver.wait(() => readFileSync(file, "utf8").includes(MINE), WAIT_MS, "waiting for the typed text to be saved");
    assert.ok(!readFileSync(file, "utf8").includes(THEIRS), "keep mine replaces the pulled version");
    await textMatching(driver, "[data-testid=save-state]", /^Saved$/);
    await driver.wait(async () => (await previewFrame(driver))?.text.includes(MINE), WAIT_MS, "waiting for the preview to show the typed text");
    assert.equal((await driver.findElements(By.css("[data-testid=conflict], [data-testid=stale]"))).length, 0, "no prompt left");
    await shot("kept");
  } finally {
    await app.close();
  }
});
