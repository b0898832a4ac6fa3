// What a test does inside the page through WebDriver's script call: WebKitWebDriver runs it as
// the automation session, not as page script, so the app's CSP (no inline script) still holds
// for everything the page itself loads.

/** Selects the first occurrence of `needle` inside the element matched by `css`, as a mouse
 * drag would, across the elements that overlays split the text into; fails when it is not
 * there. */
export async function selectText(driver, css, needle) {
  const found = await driver.executeScript(
    (css, needle) => {
      const root = document.querySelector(css);
      if (!root) return false;
      const nodes = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      const text = nodes.map((n) => n.data).join("");
      const from = text.indexOf(needle);
      if (from < 0) return false;
      // The text node and offset at a character index of the whole text.
      const at = (index, isEnd) => {
        let seen = 0;
        for (const n of nodes) {
          const inside = isEnd ? index <= seen + n.data.length : index < seen + n.data.length;
          if (inside) return [n, index - seen];
          seen += n.data.length;
        }
        return [nodes.at(-1), nodes.at(-1).data.length];
      };
      const range = document.createRange();
      range.setStart(...at(from, false));
      range.setEnd(...at(from + needle.length, true));
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      return true;
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

/** Every element inside `css`, as `tag.class.class[attr,attr]` (what the page made there). */
export function elementsInside(driver, css) {
  return driver.executeScript(
    (css) =>
      [...document.querySelectorAll(`${css} *`)].map(
        (e) =>
          [e.tagName.toLowerCase(), ...e.classList].join(".") +
          `[${[...e.attributes].map((a) => a.name).filter((n) => n !== "class").sort().join(",")}]`,
      ),
    css,
  );
}

/** The briefing preview's frame: its text, what in it could run, and its own canary. */
export function previewFrame(driver) {
  return driver.executeScript(() => {
    const frame = document.querySelector("[data-testid=briefing-preview]");
    const doc = frame?.contentDocument;
    if (!doc?.body) return null;
    const runnable = [...doc.body.querySelectorAll("*")]
      .filter(
        (e) =>
          ["script", "iframe", "object", "embed", "frame", "style", "link", "meta", "base", "form"].includes(e.tagName.toLowerCase()) ||
          [...e.attributes].some(
            (a) =>
              /^on/i.test(a.name) ||
              (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|vbscript):/i.test(a.value)) ||
              (/href$/i.test(a.name) && /^\s*data:/i.test(a.value)),
          ),
      )
      .map((e) => e.outerHTML.slice(0, 120));
    return {
      text: doc.body.innerText,
      runnable,
      sandbox: frame.getAttribute("sandbox"),
      title: doc.title,
      pwned: frame.contentWindow.__pwned ?? null,
    };
  });
}
