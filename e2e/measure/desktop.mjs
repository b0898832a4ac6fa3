// Figures of the desktop app, printed (and written to figures.json in the run's folder), never
// asserted as times: cold start to first paint, and the chronology view with 10,000 entries
// (time to render, scrolling). Run with `scripts/e2e --measure`.
//
// Times are taken inside the page (performance.now, animation frames), so WebDriver's own
// round trips are not counted. Cold start runs from the moment the session request (which
// starts the app) is sent to the app's first painted frame (its `dossier:first-frame` mark).

import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { launch, textMatching, visible } from "../lib/app.mjs";
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
        if (document.querySelector(".chronology time")) {
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              done({ ms: performance.now() - t0, elements: document.querySelectorAll(".chronology *").length }),
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
      const first = document.querySelector(".chronology time");
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
        const times = [...document.querySelectorAll(".chronology time")];
        done({ steps, end, last: times.at(-1)?.closest("li,[role=listitem],div")?.textContent ?? "" });
      })();
    });
    figure(t, "chronology_10000_page_down_ms", {
      median: ms(median(scroll.steps)),
      max: ms(Math.max(...scroll.steps)),
    });
    figure(t, "chronology_10000_jump_to_end_ms", ms(scroll.end));
    await app.shot("chronology-10000-end");
    // The last entry (day 9,999, "Event 9999") is reachable by scrolling.
    assert.match(scroll.last, /Event 9999\b/);
  } finally {
    await app.close();
  }
});
