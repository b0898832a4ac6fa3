// Figures of the desktop app, printed (and written to figures.json in the run's folder), never
// asserted as times: cold start to first paint, the briefing preview's refresh while typing in
// the demo briefing, and the chronology view with 10,000 entries (time to render, scrolling).
// Run with `scripts/e2e --measure`.
//
// Times are taken inside the page (performance.now, animation frames), so WebDriver's own
// round trips are not counted. Cold start runs from the moment the session request (which
// starts the app) is sent to the app's first painted frame (its `dossier:first-frame` mark).

import assert from "node:assert/strict";
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { By, until } from "selenium-webdriver";
import { launch, REPO, textMatching, visible, WAIT_MS } from "../lib/app.mjs";
import { previewFrame } from "../lib/page.mjs";
import { generateProject } from "../lib/generate.mjs";

const figures = {};
function figure(t, name, value) {
  figures[name] = value;
  t.diagnostic(`FIGURE ${name}: ${JSON.stringify(value)}`);
  writeFileSync(path.join(process.env.E2E_OUT, "figures.json"), JSON.stringify(figures, null, 2));
}

const ms = (x) => Math.round(x);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test("cold start to first paint", { timeout: 180_000 }, async (t) => {
  const runs = [];
  for (let i = 1; i <= 3; i++) {
    const app = await launch(`start-${i}`);
    try {
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
      runs.push({
        launch_to_page_ms: ms(p.origin - app.launchedAt),
        launch_to_first_frame_ms: ms(p.origin + p.frame - app.launchedAt),
      });
      if (i === 1) await app.shot("start");
    } finally {
      await app.close();
    }
  }
  // The first launch after a build reads the binary and WebKit from a cold cache; the others
  // are warm.
  figure(t, "start_first_launch", runs[0]);
  figure(t, "start_warm_median_first_frame_ms", median(runs.slice(1).map((r) => r.launch_to_first_frame_ms)));
});

test("chronology of 10,000 entries: render and scroll", { timeout: 300_000 }, async (t) => {
  const entries = 10_000;
  const dir = path.join(process.env.E2E_OUT, "scale-project");
  generateProject(dir, entries);
  const app = await launch("chronology-10000", { args: [dir] });
  const { driver } = app;
  try {
    await visible(driver, ".sources tbody tr", 60_000);
    await driver.manage().setTimeouts({ script: 120_000 });
    // Click the view's tab in the page and wait for its first entry to be painted.
    const render = await driver.executeAsyncScript((done) => {
      const tab = [...document.querySelectorAll("nav button")].find((b) => b.textContent.trim().startsWith("Chronology"));
      const t0 = performance.now();
      tab.click();
      const poll = () => {
        if (document.querySelector("[data-testid=chrono-entry]")) {
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              done({ ms: performance.now() - t0, elements: document.querySelectorAll("main *").length }),
            ),
          );
        } else requestAnimationFrame(poll);
      };
      poll();
    });
    await app.shot("chronology-10000");
    figure(t, "chronology_10000_render_ms", ms(render.ms));
    figure(t, "chronology_10000_dom_elements", render.elements);

    // Page down through the list, then jump to its end; each step waits for two frames.
    const scroll = await driver.executeAsyncScript((done) => {
      const first = document.querySelector("[data-testid=chrono-entry]");
      let scroller = first.parentElement;
      while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) {
        scroller = scroller.parentElement;
      }
      scroller ??= document.scrollingElement;
      const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      (async () => {
        const steps = [];
        for (let i = 0; i < 30; i++) {
          const t0 = performance.now();
          scroller.scrollTop += scroller.clientHeight;
          await frames();
          steps.push(performance.now() - t0);
        }
        const t0 = performance.now();
        scroller.scrollTop = scroller.scrollHeight;
        await frames();
        const end = performance.now() - t0;
        const shown = [...document.querySelectorAll("[data-testid=chrono-entry]")].map((e) => e.textContent);
        done({ steps, end, shown });
      })();
    });
    figure(t, "chronology_10000_page_down_ms", {
      median: ms(median(scroll.steps)),
      max: ms(Math.max(...scroll.steps)),
    });
    figure(t, "chronology_10000_jump_to_end_ms", ms(scroll.end));
    await app.shot("chronology-10000-end");
    // The last entry (day 9,999, "Event 9999") is reachable by scrolling.
    assert.ok(scroll.shown.some((t) => /Event 9999\b/.test(t)), `the end of the list shows: ${scroll.shown.join(" | ")}`);
  } finally {
    await app.close();
  }
});

test("preview refresh while typing in the demo briefing", { timeout: 180_000 }, async (t) => {
  // A copy: the app saves what is typed, and samples/demo is part of the repository.
  const demo = path.join(process.env.E2E_OUT, "demo");
  cpSync(path.join(REPO, "samples/demo"), demo, { recursive: true });
  const app = await launch("preview-demo", { args: [demo] });
  const { driver } = app;
  try {
    await visible(driver, ".sources tbody tr", 60_000);
    await (await driver.findElement(By.xpath('//nav[@aria-label="Views"]/button[starts-with(normalize-space(.), "Briefing")]'))).click();
    await driver.wait(async () => (await previewFrame(driver))?.text.includes("Key judgments"), WAIT_MS, "waiting for the demo's preview");
    await (await driver.wait(until.elementLocated(By.xpath('//nav[@aria-label="Sections"]/button[normalize-space(.)="BLUF"]')), WAIT_MS)).click();
    await driver.actions().sendKeys("\uE010", "\uE007", "\uE007").perform(); // End, Enter, Enter: a new paragraph
    // In the page: a key press starts the clock (and the editor's input event a second one:
    // WebDriver's synthetic key events take a while to become input under load); the next
    // change of the preview's body, once painted (a timer after the following animation
    // frame), stops them.
    await driver.executeScript(() => {
      const body = document.querySelector("[data-testid=briefing-preview]").contentDocument.body;
      const m = (window.__measure = { key: null, input: null, times: [] });
      window.addEventListener("keydown", () => (m.key ??= performance.now()), true);
      window.addEventListener("beforeinput", () => (m.input ??= performance.now()), true);
      new MutationObserver(() => {
        if (m.key === null) return;
        const { key, input } = m;
        const changed = performance.now();
        m.key = m.input = null;
        requestAnimationFrame(() =>
          setTimeout(() =>
            m.times.push({ key: performance.now() - key, input: performance.now() - (input ?? key), dom: changed - (input ?? key) }),
          ),
        );
      }).observe(body, { childList: true, subtree: true, characterData: true });
    });
    const word = "RefreshingPreview"; // no space: a trailing space changes nothing in the preview
    for (let i = 0; i < word.length; i++) {
      await driver.actions().sendKeys(word[i]).perform();
      await driver.wait(() => driver.executeScript((n) => window.__measure.times.length > n, i), WAIT_MS, "waiting for the preview to change");
      await driver.sleep(150); // a typist's pace: each key is its own refresh
    }
    const times = await driver.executeScript(() => window.__measure.times);
    await app.shot("preview-demo");
    const stats = (xs) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { median: ms(median(xs)), p90: ms(sorted[Math.floor(sorted.length * 0.9)]), max: ms(sorted.at(-1)) };
    };
    figure(t, "preview_refresh_demo_keys", times.length);
    figure(t, "preview_refresh_demo_from_keydown_ms", stats(times.map((x) => x.key)));
    figure(t, "preview_refresh_demo_from_input_ms", stats(times.map((x) => x.input)));
    figure(t, "preview_refresh_demo_input_to_dom_change_ms", stats(times.map((x) => x.dom)));
    const own = await textMatching(driver, "[data-testid=preview-ms]", /refreshed \d+ ms/);
    figure(t, "preview_refresh_demo_app_reports", own);
  } finally {
    await app.close();
  }
});
