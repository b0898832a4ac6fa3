// Drafting in the app: an analyst adds key judgments to the demo briefing without typing an
// id or leaving the editor. A likelihood term picked from ICD 203's scale, a citation through
// completion (`[@`, filter, Enter) while the uncited-judgment mark comes and goes, a confidence
// statement as its own sentence, a chronology entry dragged in, a chip's card read by
// hovering it, an unknown citation fixed through its card's quick fix (and undone), and a
// chip Ctrl+clicked open in the reader at its quote. Each step leaves a
// screenshot (docs/drafting/ shows the key ones).

import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { By, Key, Origin, until as seen } from "selenium-webdriver";
import { button, launch, REPO, textMatching, visible, WAIT_MS } from "../lib/app.mjs";
import { cardText, chip, completionOptions, dragInto, fixButton, lintMarks, markedText, until } from "../lib/editor.mjs";
import { previewFrame } from "../lib/page.mjs";

const HOLLIN = "2026-03-hollin-holds-trawling-0392";
const ASTER = ["2026-03-brotherhood-releases-aster-9b42", "2026-03-brotherhood-releases-aster-46f7"];
const INSURERS = "2026-03-brotherhood-welcomes-insurers-1e18";
const UNKNOWN = "2026-03-insurers-return-0000";
/** CodeMirror ignores Enter and the arrows on a list shown less than 75 ms ago (so that a key
 * typed as it opens is not taken as a choice); WebDriver's keys come faster than a person's. */
const LIST_READY_MS = 250;

/** Moves the pointer onto `el` (an element inside the editor's shadow root, which the
 * driver does not find interactable as an origin): scrolled into view, then its centre by
 * viewport coordinates, as a mouse would. */
async function hover(driver, el) {
  const { x, y } = await driver.executeScript((el) => {
    el.scrollIntoView({ block: "center" });
    const r = el.getBoundingClientRect();
    return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
  }, el);
  await driver.actions().move({ x, y, origin: Origin.VIEWPORT }).perform();
}

test("drafting: completion, terms, drag, chips and their cards, quick fix, lint as you type", { timeout: 240_000 }, async () => {
  const demo = path.join(process.env.E2E_OUT, "drafting", "project");
  cpSync(path.join(REPO, "samples/demo"), demo, { recursive: true });
  const file = path.join(demo, "briefings/main.md");
  const saved = () => readFileSync(file, "utf8");
  const app = await launch("drafting", { args: [demo] });
  const { driver, shot } = app;
  const type = (...keys) => driver.actions().sendKeys(...keys).perform();
  const chord = (...keys) => {
    const a = driver.actions();
    for (const k of keys.slice(0, -1)) a.keyDown(k);
    a.sendKeys(keys.at(-1));
    for (const k of keys.slice(0, -1).reverse()) a.keyUp(k);
    return a.perform();
  };
  try {
    await visible(driver, ".sources tbody tr", 60_000);
    await (await button(driver, "Briefing")).click();
    await driver.wait(async () => (await previewFrame(driver))?.text.includes("Key judgments"), WAIT_MS, "the demo's preview");
    // The outline: words per section, each key judgment's citations.
    const support = await driver.wait(seen.elementsLocated(By.css("[data-testid=judgment-support]")), WAIT_MS);
    assert.equal(support.length, 5, "the demo's five key judgments are in the outline");
    assert.match(await support[0].getText(), /^KJ1·2$/);
    await shot("outline");

    // A new key judgment after the fifth: a likelihood term from the picker, then no citation
    // yet: the uncited-judgment mark appears on it.
    // From the Discussion heading up to the end of the fifth judgment (End on a wrapped line
    // stops at the wrap; on its last row, at the line's end).
    await (await driver.findElement(By.xpath('//nav[@aria-label="Sections"]//button[normalize-space(.)="Discussion"]'))).click();
    await type(Key.ARROW_UP, Key.ARROW_UP, Key.END, Key.ENTER, "The strait will ");
    await chord(Key.CONTROL, Key.SHIFT, "l");
    const terms = await until(driver, "the likelihood picker", async () => {
      const o = await completionOptions(driver);
      return o?.length === 7 ? o : null;
    });
    assert.match(terms[4], /^likely.*55–80%/, `ICD 203's scale, lowest first: ${terms}`);
    await shot("likelihood-picker");
    await driver.sleep(LIST_READY_MS);
    await type(Key.ARROW_DOWN, Key.ARROW_DOWN, Key.ARROW_DOWN, Key.ARROW_DOWN, Key.ENTER);
    await type(" stay open while the licence review runs ");
    // The mark covers the judgment as it stands once the preview caught up with the typing.
    await until(driver, "the uncited-judgment mark", async () =>
      (await markedText(driver, "uncited-judgment")) === "The strait will likely stay open while the licence review runs",
    );
    await shot("lint-mark");

    // Its citation through completion: `[@`, a few words, Enter.
    await type("[@");
    await until(driver, "the citation list", async () => (await completionOptions(driver))?.length > 0);
    await type("hollin licen");
    const options = await until(driver, "the filtered list", async () => {
      const o = await completionOptions(driver);
      return o?.[0]?.startsWith("Hollin holds the trawling licences") ? o : null;
    });
    assert.match(options[0], /20 March 2026 · /, `each option shows its date and outlet: ${options[0]}`);
    await shot("completion");
    await driver.sleep(LIST_READY_MS);
    await type(Key.ENTER, ".");
    await until(driver, "the mark to go", async () => (await lintMarks(driver, "uncited-judgment")) === 0);
    await until(driver, "the chip", () => chip(driver, HOLLIN));

    // A confidence statement as a sentence of its own.
    await chord(Key.CONTROL, Key.SHIFT, "o");
    await until(driver, "the confidence picker", async () => (await completionOptions(driver))?.length === 3);
    await driver.sleep(LIST_READY_MS);
    await type(Key.ARROW_DOWN, Key.ENTER);
    const written = `- The strait will likely stay open while the licence review runs [@${HOLLIN}]. We have moderate confidence in this judgment.`;
    await driver.wait(() => saved().includes(written), WAIT_MS, `the judgment saved:\n${written}`);
    await shot("judgment-written");

    // Another judgment, supported by a chronology entry dragged in: all its excerpts.
    await type(Key.END, Key.ENTER, "The Aster Bay's release rests on one newsroom");
    await (await visible(driver, "[data-testid=cite-panel] summary")).click();
    await (await visible(driver, "[data-testid=cite-panel] input")).sendKeys("Aster Bay");
    await textMatching(driver, "[data-testid=cite-entry]", /releases the Aster Bay/);
    assert.ok(await dragInto(driver, "[data-testid=cite-entry]", "releases the Aster Bay", "rests on one newsroom"), "the line is on screen");
    const line = () => saved().split("\n").find((l) => l.includes("rests on one newsroom")) ?? "";
    await driver.wait(() => ASTER.every((id) => line().includes(` [@${id}]`)), WAIT_MS, "the entry's citations dropped in");
    assert.match(line(), /^- The Aster Bay's release rests on one newsroom \[@[^\]]+\] \[@[^\]]+\]$/, line());
    await until(driver, "the dropped chips", () => chip(driver, ASTER[0]));
    await type(".");
    await shot("dragged");

    // Hovering a chip shows its card: the quote, source, grades and origin.
    await hover(driver, await chip(driver, INSURERS));
    const card = await until(driver, "the card", () => cardText(driver));
    assert.match(card, /Its deputy commander, Jonas Tervik/, card);
    assert.match(card, /Grades: [A-F][1-6]/, card);
    assert.match(card, /Origin: /, card);
    await shot("chip-card");

    // An unknown citation (an excerpt removed since) is marked; its card's quick fix picks
    // the excerpt it should be.
    await (await driver.findElement(By.xpath('//nav[@aria-label="Sections"]//button[normalize-space(.)="Outlook"]'))).click();
    await type(Key.ARROW_UP, Key.ENTER, `Insurers return slowly [@${UNKNOWN}]`, Key.ESCAPE, ".");
    const unknown = await until(driver, "the unknown chip", () => chip(driver, UNKNOWN));
    assert.match(await unknown.getAttribute("class"), /cm-chip-unknown/);
    await hover(driver, unknown);
    await until(driver, "the unknown card", async () => /cites no excerpt/.test((await cardText(driver)) ?? ""));
    await shot("unknown-citation");
    await (await until(driver, "the quick fix", () => fixButton(driver))).click();
    const fixes = await until(driver, "the candidates", async () => {
      const o = await completionOptions(driver);
      return o?.length ? o : null;
    });
    assert.match(fixes.join("\n"), /insurers/i, `the candidates share the id's words: ${fixes}`);
    await shot("quick-fix");
    await driver.sleep(LIST_READY_MS);
    await type(Key.ENTER);
    await driver.wait(() => !saved().includes(UNKNOWN), WAIT_MS, "the unknown id replaced");
    assert.match(saved(), /Insurers return slowly \[@2026-03-[a-z-]*insurers[a-z0-9-]*\]\./, "by an excerpt about the insurers");
    await textMatching(driver, "[data-testid=save-state]", /^Saved$/);
    await shot("fixed");

    // Undo takes the fix back, as any edit.
    await chord(Key.CONTROL, "z");
    await driver.wait(() => saved().includes(UNKNOWN), WAIT_MS, "undo restores the id typed");
    await textMatching(driver, "[data-testid=save-state]", /^Saved$/);

    // Ctrl+click on a chip opens its source in the reader, at the quote.
    const { x, y } = await driver.executeScript((el) => {
      el.scrollIntoView({ block: "center" });
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
    }, await chip(driver, HOLLIN));
    await driver.actions().keyDown(Key.CONTROL).move({ x, y, origin: Origin.VIEWPORT }).press().release().keyUp(Key.CONTROL).perform();
    await textMatching(driver, "[data-testid=reader-text] mark.current", /Fisheries Minister Carla Dunmore/);
    await shot("reader-at-quote");
  } finally {
    await app.close();
  }
});
