// The search box in the real app: Ctrl+K opens it, results come as the query is typed (a
// phrase in quotes, a name spelled another way), the arrows move through them, and Enter opens
// the source in the reader with the match selected.

import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { launch, newProjectWith, textMatching, visible, WAIT_MS } from "../lib/app.mjs";
import { seeds } from "../lib/shared.mjs";

test("search: Ctrl+K, results as you type, keyboard, jump to the match", { timeout: 180_000 }, async (t) => {
  const files = seeds(t);
  if (!files) return;
  const app = await launch("search");
  const { driver, shot } = app;
  try {
    await newProjectWith(app, path.join(app.out, "project"), files);

    await driver.actions().keyDown(Key.CONTROL).sendKeys("k").keyUp(Key.CONTROL).perform();
    const input = await visible(driver, "[data-testid=search-input]");
    await input.sendKeys('"end of the road"');
    await textMatching(driver, "[data-testid=search-hit] mark", /^end$/i);
    const hits = await driver.findElements(By.css("[data-testid=search-hit]"));
    assert.equal(hits.length, 2, "the two seeds with the phrase");
    await shot("phrase");

    // A name spelled another way: Suleimani finds Soleimani, marked in the snippet.
    await input.clear();
    await input.sendKeys("Suleimani");
    await textMatching(driver, "[data-testid=search-hit] mark", /^Soleimani$/);
    await shot("fuzzy");

    // Down, up, Enter: the first hit opens in the reader with the match selected.
    await input.sendKeys(Key.ARROW_DOWN, Key.ARROW_UP);
    const first = await driver.findElement(By.css("[data-testid=search-hit][aria-selected=true] mark"));
    const word = await first.getText();
    await input.sendKeys(Key.ENTER);
    await visible(driver, "[data-testid=reader-text]");
    await driver.wait(
      async () => (await driver.executeScript(() => window.getSelection()?.toString())) === word,
      WAIT_MS,
      `waiting for "${word}" to be selected in the reader`,
    );
    await shot("reader");
  } finally {
    await app.close();
  }
});
