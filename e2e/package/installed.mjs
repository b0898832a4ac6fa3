// The installed package's app (DOSSIER_APP=/usr/bin/dossier-desktop), driven as in the
// end-to-end tests: its start view on a first run, the packaged demo opened from it, and the
// cold start of the release build. Run by scripts/test-package, after it installed the .deb.
//
// Cold start is a figure, printed (FIGURE lines, figures.json), never asserted: from the
// session request (which starts the app) to the app's first painted frame (its
// `dossier:first-frame` mark), the median of 5 launches after one that warms the disk cache.

import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { By } from "selenium-webdriver";
import { button, launch, REPO, textMatching, visible } from "../lib/app.mjs";

const ms = (x) => Math.round(x);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function firstFrame(app) {
  await textMatching(app.driver, ".start h1", /^Dossier$/);
  const p = await app.driver.wait(
    () =>
      app.driver.executeScript(() => {
        const frame = performance.getEntriesByName("dossier:first-frame")[0];
        return frame ? { origin: performance.timeOrigin, frame: frame.startTime } : null;
      }),
    10_000,
    "waiting for the app's first-frame mark (ui/src/main.ts)",
  );
  return ms(p.origin + p.frame - app.launchedAt);
}

test("first run: the start view offers the demo, which opens as the user's own copy", { timeout: 120_000 }, async () => {
  const app = await launch("first-run");
  const { driver } = app;
  try {
    await textMatching(driver, ".start h1", /^Dossier$/);
    await textMatching(driver, ".start", /None yet: projects you open appear here/);
    await button(driver, "New project");
    await button(driver, "Open folder");
    const demo = await button(driver, "Open the demo project");
    await textMatching(driver, ".start", /New to Dossier\?/);
    // Two animation frames: the screenshot then shows what was just rendered.
    await driver.executeAsyncScript((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const shot = await app.shot("start");
    // Kept for the README when run on a developer's machine (CI leaves the repository as it is).
    if (process.env.CI !== "true") {
      mkdirSync(path.join(REPO, "docs/package"), { recursive: true });
      copyFileSync(shot, path.join(REPO, "docs/package/start.png"));
    }

    // The help sheet: the workflow and the shortcuts.
    await (await driver.findElement(By.css(".help-button"))).click();
    await textMatching(driver, "[role=dialog]", /From saved pages to a briefing[\s\S]*Keyboard shortcuts/);
    await app.shot("help");
    await (await button(driver, "Close")).click();

    await demo.click();
    await visible(driver, ".sources tbody tr", 30_000);
    await app.shot("demo");
    // The copy is in the user's data folder (launch() points XDG_DATA_HOME into the test's
    // folder); the packaged demo is read only and stays as it was.
    const copy = path.join(app.out, "home/data/org.dossier.desktop/demo/dossier.toml");
    assert.ok(existsSync(copy), `the demo's copy is at ${copy}`);
    assert.ok(!existsSync("/usr/lib/Dossier/demo/.dossier"), "nothing was written into the package's demo");
  } finally {
    await app.close();
  }
});

test("cold start of the installed app to its first painted frame", { timeout: 300_000 }, async (t) => {
  const runs = [];
  for (let i = 0; i <= 5; i++) {
    const app = await launch(`start-${i}`);
    try {
      runs.push(await firstFrame(app));
    } finally {
      await app.close();
    }
  }
  const figures = {
    cold_start_first_launch_ms: runs[0],
    cold_start_median_of_5_ms: median(runs.slice(1)),
    cold_start_runs_ms: runs.slice(1),
  };
  for (const [k, v] of Object.entries(figures)) t.diagnostic(`FIGURE ${k}: ${JSON.stringify(v)}`);
  writeFileSync(path.join(process.env.E2E_OUT, "figures.json"), JSON.stringify(figures, null, 2));
});
