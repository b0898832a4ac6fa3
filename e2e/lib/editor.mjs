// The briefing editor seen from a test: CodeMirror lives in a shadow root, which CSS selectors
// through WebDriver do not enter, so these look inside it with a script call (run as the
// automation session, not as page script: the app's CSP still holds for the page). Each
// function passed to `executeScript` is sent as source text, so each finds the root itself.

import { WAIT_MS } from "./app.mjs";

/** Waits until `probe()` (a driver call) gives something truthy; returns it. */
export async function until(driver, what, probe) {
  let got = null;
  await driver.wait(async () => (got = await probe()), WAIT_MS, `waiting for ${what}`);
  return got;
}

/** The options of the open completion list, in order (label and detail text). */
export function completionOptions(driver) {
  return driver.executeScript(() => {
    const root = document.querySelector("[data-testid=briefing-editor-host]").shadowRoot;
    return [...root.querySelectorAll(".cm-tooltip-autocomplete li")].map((li) => li.textContent);
  });
}

/** How many warnings of `kind` are marked in the text. */
export function lintMarks(driver, kind) {
  return driver.executeScript((kind) => {
    const root = document.querySelector("[data-testid=briefing-editor-host]").shadowRoot;
    return root.querySelectorAll(`.cm-lint-${kind}`).length;
  }, kind);
}

/** The text the warnings of `kind` mark (the pieces a mark is drawn in, joined). */
export function markedText(driver, kind) {
  return driver.executeScript((kind) => {
    const root = document.querySelector("[data-testid=briefing-editor-host]").shadowRoot;
    return [...root.querySelectorAll(`.cm-lint-${kind}`)].map((e) => e.textContent).join("");
  }, kind);
}

/** The text of the citation card on screen, or null. */
export function cardText(driver) {
  return driver.executeScript(() => {
    const root = document.querySelector("[data-testid=briefing-editor-host]").shadowRoot;
    return root.querySelector(".cm-citation-card")?.textContent ?? null;
  });
}

/** The chip part of citation `id` (an element the driver can move to or click), or null. */
export function chip(driver, id) {
  return driver.executeScript((id) => {
    const root = document.querySelector("[data-testid=briefing-editor-host]").shadowRoot;
    return root.querySelector(`.cm-chip-part[data-id="${id}"]`);
  }, id);
}

/** The card's quick-fix button, or null. */
export function fixButton(driver) {
  return driver.executeScript(() => {
    const root = document.querySelector("[data-testid=briefing-editor-host]").shadowRoot;
    return root.querySelector("[data-testid=citation-fix]");
  });
}

/**
 * Drags the element matched by `source` whose text holds `label` (outside the editor) onto
 * the end of the editor's line holding `needle`, as the HTML drag-and-drop events of a mouse drag would arrive:
 * WebDriver's pointer actions do not start native drags in WebKitGTK. Returns false when the
 * line is not on screen.
 */
export function dragInto(driver, source, label, needle) {
  return driver.executeScript(
    (source, label, needle) => {
      const root = document.querySelector("[data-testid=briefing-editor-host]").shadowRoot;
      const line = [...root.querySelectorAll(".cm-line")].find((l) => l.textContent.includes(needle));
      const from = [...document.querySelectorAll(source)].find((e) => e.textContent.includes(label));
      if (!line || !from) return false;
      // The end of the line's text: where the drop lands.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let last = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
      const range = document.createRange();
      range.setStart(last, last.data.length);
      const box = range.getBoundingClientRect();
      const at = { clientX: box.right + 1, clientY: box.top + box.height / 2, bubbles: true, cancelable: true, composed: true };
      const data = new DataTransfer();
      from.dispatchEvent(new DragEvent("dragstart", { ...at, dataTransfer: data }));
      const target = root.elementFromPoint(at.clientX, at.clientY) ?? line;
      target.dispatchEvent(new DragEvent("dragenter", { ...at, dataTransfer: data }));
      target.dispatchEvent(new DragEvent("dragover", { ...at, dataTransfer: data }));
      target.dispatchEvent(new DragEvent("drop", { ...at, dataTransfer: data }));
      from.dispatchEvent(new DragEvent("dragend", { ...at, dataTransfer: data }));
      return true;
    },
    source,
    label,
    needle,
  );
}
