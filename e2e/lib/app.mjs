// Starts the desktop app under tauri-driver and hands a test a WebDriver session on it.
//
// scripts/e2e builds the app and tauri-driver and sets the environment read here; the tests
// are run with `node --test` (helpers live here, outside test/, so that node does not run them
// as tests). Everything that can hang has a time limit: tauri-driver's start, the WebDriver
// connection (a webview that cannot start makes the session request hang, not fail), and the
// shutdown.

import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { Builder, By, Key, until } from "selenium-webdriver";

const CONNECT_TIMEOUT_MS = 60_000;
const DRIVER_START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
/** How long a step waits for what it expects to appear. */
export const WAIT_MS = 15_000;

/** The repository root (this file is e2e/lib/app.mjs). */
export const REPO = path.resolve(import.meta.dirname, "../..");

function required(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the end-to-end tests with scripts/e2e`);
  return v;
}

/** A TCP port that was free a moment ago (the machine is shared: never a fixed port). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * Stops tauri-driver with SIGTERM (it then stops WebKitWebDriver, which closes the app). If it
 * does not exit in time, its whole process group is killed, so that no app or driver outlives
 * the test.
 */
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  try {
    await withTimeout(exited, STOP_TIMEOUT_MS, "stopping tauri-driver");
  } catch (e) {
    console.error(`warning: ${e.message}; killing its process group`);
    process.kill(-child.pid, "SIGKILL");
    await exited;
  }
}

/**
 * Launches the app for one test: `name` names the output folder (screenshots, driver log),
 * `args` are the app's command-line arguments (a project folder opens it at start).
 * Returns `{ driver, out, shot, close, launchedAt }`; call `close` in a `finally`.
 */
export async function launch(name, { args = [] } = {}) {
  if (!process.env.DISPLAY) {
    throw new Error("DISPLAY is not set: run scripts/e2e, which starts Xvfb when there is no screen");
  }
  const application = required("DOSSIER_APP");
  const tauriDriver = required("TAURI_DRIVER");
  const out = path.join(required("E2E_OUT"), name);
  mkdirSync(out, { recursive: true });
  const home = path.join(out, "home");

  const [port, nativePort] = [await freePort(), await freePort()];
  // The driver's (and the app's) output goes straight to a file: a pipe would keep this
  // process waiting for as long as anything the driver started is alive.
  const log = openSync(path.join(out, "driver.log"), "w");
  const child = spawn(tauriDriver, ["--port", String(port), "--native-port", String(nativePort)], {
    stdio: ["ignore", log, log],
    // Its own process group, which `stop` can kill as a whole.
    detached: true,
    env: {
      ...process.env,
      // The app's recent-projects list and the webview's storage stay inside this test's folder.
      XDG_CONFIG_HOME: path.join(home, "config"),
      XDG_DATA_HOME: path.join(home, "data"),
      XDG_CACHE_HOME: path.join(home, "cache"),
      // The native dialogs become a path field (see ui/src/lib/pathPrompt.svelte.ts).
      DOSSIER_E2E_DIALOGS: "1",
    },
  });
  closeSync(log);

  let driver;
  let launchedAt;
  try {
    // tauri-driver listens at once; the session request fails until WebKitWebDriver, which it
    // starts, listens too.
    const deadline = Date.now() + DRIVER_START_TIMEOUT_MS;
    while (!(await canConnect(port)) || !(await canConnect(nativePort))) {
      if (child.exitCode !== null) throw new Error(`tauri-driver exited (${child.exitCode}); see ${out}/driver.log`);
      if (Date.now() > deadline) throw new Error(`tauri-driver did not listen on ${port}; see ${out}/driver.log`);
      await new Promise((r) => setTimeout(r, 50));
    }
    launchedAt = Date.now();
    driver = new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({ browserName: "wry", "tauri:options": { application, args } })
      .build();
    await withTimeout(driver.getSession(), CONNECT_TIMEOUT_MS, "connecting to the app through tauri-driver");
  } catch (e) {
    await stop(child);
    throw e;
  }

  let step = 0;
  return {
    driver,
    out,
    launchedAt,
    /** Saves a screenshot of the window as NN-label.png; returns its path. */
    async shot(label) {
      step += 1;
      const file = path.join(out, `${String(step).padStart(2, "0")}-${label}.png`);
      writeFileSync(file, await driver.takeScreenshot(), "base64");
      return file;
    },
    async close() {
      try {
        // The window as the test left it: on a failure, what went wrong is often on screen.
        writeFileSync(path.join(out, "last.png"), await driver.takeScreenshot(), "base64");

        await withTimeout(driver.quit(), STOP_TIMEOUT_MS, "closing the WebDriver session");
      } catch (e) {
        console.error(`warning: ${e.message}`);
      } finally {
        await stop(child);
      }
    },
  };
}

/** The element matched by `css`, once it is there and visible. */
export async function visible(driver, css, ms = WAIT_MS) {
  const el = await driver.wait(until.elementLocated(By.css(css)), ms, `waiting for ${css}`);
  await driver.wait(until.elementIsVisible(el), ms, `waiting for ${css} to show`);
  return el;
}

/** Waits until the element matched by `css` has text matching `re`; returns the text. */
export async function textMatching(driver, css, re, ms = WAIT_MS) {
  let last = "";
  try {
    await driver.wait(async () => {
      const els = await driver.findElements(By.css(css));
      for (const el of els) {
        last = await el.getText().catch(() => "");
        if (re.test(last)) return true;
      }
      return false;
    }, ms);
  } catch {
    throw new Error(`waiting for ${css} to match ${re}; last text: ${JSON.stringify(last)}`);
  }
  return last;
}

/** The button whose visible text starts with `label`. */
export function button(driver, label) {
  return driver.wait(
    until.elementLocated(By.xpath(`//button[starts-with(normalize-space(.), ${xpathString(label)})]`)),
    WAIT_MS,
    `waiting for the button "${label}"`,
  );
}

/** The input or textarea labelled `label` (its <label for=…>). */
export async function field(driver, label) {
  const l = await driver.wait(
    until.elementLocated(By.xpath(`//label[normalize-space(.)=${xpathString(label)}]`)),
    WAIT_MS,
    `waiting for the field "${label}"`,
  );
  return driver.findElement(By.id(await l.getAttribute("for")));
}

/**
 * Answers the app's file dialog: in e2e runs the dialog is a path field (the only part of the
 * app the test replaces); the paths go to the same command that the native dialog's would.
 */
export async function answerDialog(driver, paths) {
  const input = await visible(driver, "[data-testid=path-prompt-input]");
  // One path per line: the Enter key, as "\n" is not typed as a line break.
  await input.sendKeys(paths.join(Key.ENTER));
  await (await driver.findElement(By.css("[data-testid=path-prompt-ok]"))).click();
  await driver.wait(async () => (await driver.findElements(By.css("[data-testid=path-prompt]"))).length === 0, WAIT_MS);
}

function xpathString(s) {
  return s.includes('"') ? `concat("${s.split('"').join(`", '"', "`)}")` : `"${s}"`;
}

/** Opens the source imported from `fileName` from the sources list, in the reader. */
export async function openSource(driver, fileName) {
  const row = await driver.wait(
    until.elementLocated(By.xpath(`//tbody/tr[.//div[normalize-space(.)=${xpathString(fileName)}]]//span[@class="title"]`)),
    WAIT_MS,
    `waiting for the source ${fileName} in the list`,
  );
  await row.click();
  return visible(driver, "[data-testid=reader-text]");
}
