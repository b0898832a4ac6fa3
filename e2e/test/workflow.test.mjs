// The analyst's whole workflow in the real app: create a project, import the seed articles,
// read one, excerpt a passage, date it, find it in the chronology, cite it in the briefing,
// pick a template, export a PDF and check the file. Each step leaves a screenshot in the
// test's output folder.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { By, Key, until } from "selenium-webdriver";
import { answerDialog, button, field, launch, newProjectWith, openSource, textMatching, visible, WAIT_MS } from "../lib/app.mjs";
import { previewFrame, selectText } from "../lib/page.mjs";
import { seeds } from "../lib/shared.mjs";

const BLUF = "Iran will back Assad to the end";
const QUOTE = "will remain at the side of the Syrian nation and government until the end of the road";

test("workflow: project, import, reader, excerpt, date, chronology, briefing, PDF", { timeout: 180_000 }, async (t) => {
  const files = seeds(t);
  if (!files) return;
  const app = await launch("workflow");
  const { driver, shot } = app;
  try {
    const project = path.join(app.out, "project");
    const summary = await newProjectWith(app, project, files);
    assert.match(summary, new RegExp(`^${files.length} imported .* 0 failed$`));
    const rows = await driver.findElements(By.css(".sources tbody tr"));
    assert.equal(rows.length, files.length, "one row per imported seed");

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
    await textMatching(driver, ".excerpt-list .date", /^2 June 2015$/);
    await textMatching(driver, ".excerpt-list .quote", /^Rouhani pledges support to Assad$/);
    await shot("dated");

    // What the window shows is what is on disk: one excerpt file with the quote and the date.
    const dir = path.join(project, "excerpts");
    const names = readdirSync(dir);
    const saved = names.map((f) => readFileSync(path.join(dir, f), "utf8"));
    assert.equal(saved.length, 1, "one excerpt file");
    assert.ok(saved[0].includes(QUOTE), saved[0]);
    assert.match(saved[0], /\[date\][^[]*value = "2015-06-02"/);
    const excerptId = names[0].replace(/\.toml$/, "");

    await (await button(driver, "Chronology")).click();
    const entry = await textMatching(driver, "[data-testid=chrono-entry]", /Rouhani pledges support to Assad/);
    assert.match(entry, /^2 June 2015/);
    await shot("chronology");

    // The briefing: cite the excerpt under the BLUF, see it in a one-page template's preview,
    // then pick the template that quotes every excerpt. (The project's default, intsum,
    // requires portion markings, which a new project does not have yet.)
    await (await button(driver, "Briefing")).click();
    await (await driver.wait(until.elementLocated(By.xpath('//nav[@aria-label="Sections"]/button[normalize-space(.)="BLUF"]')), WAIT_MS)).click();
    await driver.actions().sendKeys(Key.END, Key.ENTER, Key.ENTER, `${BLUF} [@${excerptId}].`).perform();
    await (await visible(driver, `[data-testid=template-picker] option[value="one-pager"]`)).click();
    await driver.wait(async () => (await previewFrame(driver))?.text.includes(BLUF), WAIT_MS, "waiting for the preview to show the BLUF");
    await textMatching(driver, "[data-testid=save-state]", /^Saved$/);
    assert.ok(readFileSync(path.join(project, "briefings/main.md"), "utf8").includes(`${BLUF} [@${excerptId}].`), "the briefing is saved");
    await shot("briefing");

    await (await visible(driver, `[data-testid=template-picker] option[value="chronology"]`)).click();
    await driver.wait(async () => (await previewFrame(driver))?.text.includes(QUOTE), WAIT_MS, "waiting for the preview to quote the excerpt");
    await driver.wait(() => readFileSync(path.join(project, "briefings/main.md"), "utf8").includes('template = "chronology"'), WAIT_MS, "waiting for the template choice to be saved");
    await shot("template");

    // Export through the save dialog (a path field here), then check the file itself.
    const pdf = path.join(app.out, "briefing.pdf");
    await (await button(driver, "PDF…", { anywhere: true })).click();
    await answerDialog(driver, [pdf]);
    await textMatching(driver, "[data-testid=exported]", /Exported/);
    await shot("exported");
    execFileSync("qpdf", ["--check", pdf], { stdio: "pipe" }); // throws unless the PDF is valid
    const pdfText = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
    assert.ok(words(pdfText).includes(words(QUOTE)), `the PDF quotes the excerpt:\n${pdfText}`);
  } finally {
    await app.close();
  }
});

/** Text with its line breaks, hyphenation at line ends and runs of spaces undone. */
function words(s) {
  return s.replace(/-\n/g, "").replace(/\s+/g, " ");
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
