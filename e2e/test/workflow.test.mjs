// The analyst's whole workflow in the real app: create a project, import the seed articles,
// read one, excerpt a passage, date it, and find it in the chronology. Each step leaves a
// screenshot in the test's output folder.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { answerDialog, button, field, launch, openSource, textMatching, visible } from "../lib/app.mjs";
import { selectText } from "../lib/page.mjs";
import { seeds } from "../lib/shared.mjs";

const QUOTE = "will remain at the side of the Syrian nation and government until the end of the road";

test("workflow: project, import, reader, excerpt, date, chronology", { timeout: 180_000 }, async (t) => {
  const files = seeds(t);
  if (!files) return;
  const app = await launch("workflow");
  const { driver, shot } = app;
  try {
    await textMatching(driver, ".start h1", /^Dossier$/);
    await shot("start");

    const project = path.join(app.out, "project");
    await (await button(driver, "New project")).click();
    await answerDialog(driver, [project]);
    await visible(driver, ".sources");
    await shot("new-project");

    await (await button(driver, "Import files")).click();
    await answerDialog(driver, files);
    const summary = await textMatching(driver, "[data-testid=import-summary]", /imported/);
    assert.match(summary, new RegExp(`^${files.length} imported .* 0 failed$`));
    const rows = await driver.findElements(By.css(".sources tbody tr"));
    assert.equal(rows.length, files.length, "one row per imported seed");
    await shot("imported");

    // The first seed: Rouhani's pledge "until the end of the road".
    const seed = path.basename(files[0]);
    const text = await openSource(driver, seed);
    assert.ok((await text.getText()).includes(QUOTE), "the reader shows the cleaned text");
    await shot("reader");

    await selectText(driver, "[data-testid=reader-text]", QUOTE);
    await driver.actions().sendKeys("e").perform();
    await textMatching(driver, ".inspector blockquote", new RegExp(escape(QUOTE)));
    await textMatching(driver, "[data-testid=reader-text] mark", new RegExp(escape(QUOTE)));
    await shot("excerpt");

    const date = await field(driver, "Event date");
    await date.clear();
    await date.sendKeys("2015-06-02");
    await textMatching(driver, ".inspector .echo", /^2 June 2015$/);
    // Enter in a field saves the excerpt, as the Save button does.
    await (await field(driver, "Summary")).sendKeys("Rouhani pledges support to Assad", Key.ENTER);
    await textMatching(driver, ".inspector [aria-live]", /^Saved$/);
    await shot("dated");

    // What the window shows is what is on disk: one excerpt file with the quote and the date.
    const dir = path.join(project, "excerpts");
    const saved = readdirSync(dir).map((f) => readFileSync(path.join(dir, f), "utf8"));
    assert.equal(saved.length, 1, "one excerpt file");
    assert.ok(saved[0].includes(QUOTE), saved[0]);
    assert.match(saved[0], /\[date\][^[]*value = "2015-06-02"/);

    await (await button(driver, "Chronology")).click();
    const entry = await textMatching(driver, ".chronology .entries li", /Rouhani pledges support to Assad/);
    assert.match(entry, /^2 June 2015/);
    await shot("chronology");
  } finally {
    await app.close();
  }
});

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
