// What a test does inside the page through WebDriver's script call: WebKitWebDriver runs it as
// the automation session, not as page script, so the app's CSP (no inline script) still holds
// for everything the page itself loads.

/** Selects the first occurrence of `needle` inside the element matched by `css`, as a mouse
 * drag would; fails when it is not there. */
export async function selectText(driver, css, needle) {
  const found = await driver.executeScript(
    (css, needle) => {
      const root = document.querySelector(css);
      if (!root) return false;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        return true;
      }
      return false;
    },
    css,
    needle,
  );
  if (!found) throw new Error(`"${needle}" is not in ${css}`);
}

/**
 * The canary of the hostile fixtures (e2e/fixtures/hostile.*): each payload would set the
 * window's title to "PWNED …", set `window.__pwned` or open an alert. Fails, naming the
 * payload, if any of them ran.
 */
export async function assertNothingRan(driver, where) {
  let alertText = null;
  try {
    const alert = await driver.switchTo().alert();
    alertText = await alert.getText();
    await alert.dismiss();
  } catch (e) {
    if (e.name !== "NoSuchAlertError") throw e;
  }
  if (alertText !== null) throw new Error(`an alert opened (${alertText}) ${where}`);
  const title = await driver.getTitle();
  if (title !== "Dossier") throw new Error(`the window title became "${title}" ${where}`);
  const pwned = await driver.executeScript(() => window.__pwned ?? null);
  if (pwned !== null) throw new Error(`window.__pwned was set by "${pwned}" ${where}`);
}

/** Every element inside `css` (what the page made of the text there), as `tag.class.class`. */
export function elementsInside(driver, css) {
  return driver.executeScript(
    (css) =>
      [...document.querySelectorAll(`${css} *`)].map((e) =>
        [e.tagName.toLowerCase(), ...e.classList].join("."),
      ),
    css,
  );
}
