// Provenance in the app: the chronology entry shows how its citations reached the analyst
// (origin → sources, one origin carried by several sources marked), an analyst splits a
// citation out of an event and undoes it, and edits an excerpt's origin in the reader.

import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { button, launch, openSource, REPO, textMatching, visible, WAIT_MS } from "../lib/app.mjs";

test("provenance: origin graph, split and undo, the attribution chain edited", { timeout: 180_000 }, async () => {
  const demo = path.join(process.env.E2E_OUT, "provenance", "project");
  cpSync(path.join(REPO, "samples/demo"), demo, { recursive: true });
  const app = await launch("provenance", { args: [demo] });
  const { driver, shot } = app;
  const count = async () => (await (await visible(driver, "[data-testid=chrono-count]")).getText()).split(" ")[0];
  try {
    await visible(driver, ".sources tbody tr", 60_000);
    await (await button(driver, "Chronology")).click();
    // The list is virtualised: the filter brings the entry into view.
    await (await visible(driver, "[data-testid=chrono-filter]")).sendKeys("releases the Aster");
    await textMatching(driver, "[data-testid=chrono-entry]", /Brotherhood releases the Aster Bay/);
    await (await visible(driver, "[data-testid=chrono-entry]")).click();
    const graph = await visible(driver, "[data-testid=origin-graph]");
    await driver.wait(async () => /Harbor Ledger/.test(await graph.getText()), WAIT_MS, "the origin is shown");
    assert.match(await graph.getText(), /one origin, 2 sources/, "one origin relayed by two sources is marked");
    assert.match(await graph.getText(), /→ ?Gulf Observer/, "the reprinting source is named by its outlet");
    assert.match(await graph.getText(), /Harbor Ledger \(its own article\)/, "the origin's own article is marked");
    await shot("origin-graph");

    await (await visible(driver, "[data-testid=chrono-filter]")).clear();
    const before = Number(await count());
    await (await visible(driver, "[data-testid=split-citation]")).click();
    await driver.wait(async () => Number(await count()) === before + 1, WAIT_MS, "the split makes one more entry");
    const files = () =>
      ["2026-03-brotherhood-releases-aster-46f7", "2026-03-brotherhood-releases-aster-9b42"].map((id) =>
        readFileSync(path.join(demo, "excerpts", `${id}.toml`), "utf8"),
      );
    assert.ok(files().every((f) => /^event = /m.test(f)), "the split is stored in both excerpt files");
    await driver.findElement(By.css("body")).sendKeys(Key.chord(Key.CONTROL, "z"));
    await driver.wait(async () => Number(await count()) === before, WAIT_MS, "undo joins them again");
    assert.ok(files().every((f) => !/^event = /m.test(f)), "undo restores the automatic grouping");
    await shot("split-undone");

    await (await button(driver, "Sources")).click();
    await openSource(driver, "Militia frees Aster Bay");
    await (await visible(driver, ".excerpt-list button")).click();
    const chain = await visible(driver, "[data-testid=attribution-chain]");
    const origin = await visible(driver, "[data-testid=attribution-origin]");
    await origin.clear();
    await origin.sendKeys("Coastal Wire Service");
    await (await button(driver, "Save attribution")).click();
    await driver.wait(async () => /Coastal Wire Service/.test(await (await visible(driver, "[data-testid=attribution-chain]")).getText()), WAIT_MS, "the chain shows the analyst's origin");
    assert.ok(chain, "the chain is shown before the edit");
    const stored = readFileSync(path.join(demo, "excerpts", "2026-03-brotherhood-opens-72-da10.toml"), "utf8");
    assert.match(stored, /\[attribution\.origin\]\nconfidence = 1\.0\nprovenance = "analyst"\nvalue = "Coastal Wire Service"/, "the origin is the analyst's");
    assert.match(stored, /\[attribution\.speaker\]\nconfidence = 0\.7/, "the speaker the analyst left alone keeps its provenance");
    await shot("attribution");
  } finally {
    await app.close();
  }
});
