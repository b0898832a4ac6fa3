// A PDF imported through the window (the app's own Import button and dialog): the app parses it
// in a worker process of its own executable, so this fails if the app does not serve that
// worker (it then started a second app, or panicked without a display, and the import failed).
// The fixture is Dossier's own PDF of e2e/fixtures/pdf-fixture.md.

import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { launch, newProjectWith, openSource, REPO } from "../lib/app.mjs";

const PDF = path.join(REPO, "e2e/fixtures/pdf-fixture.pdf");
const SENTENCE = "The envoys resumed their talks in Vienna on 2 June 2015";

test("a PDF imports through the window and reads as text", { timeout: 120_000 }, async () => {
  const app = await launch("pdf");
  const { driver, shot } = app;
  try {
    const summary = await newProjectWith(app, path.join(app.out, "project"), [PDF]);
    assert.match(summary, /^1 imported .* 0 failed$/);
    const text = await (await openSource(driver, "Envoys meet in Vienna")).getText();
    await shot("reader");
    assert.ok(text.replace(/\s+/g, " ").includes(SENTENCE), `the reader shows the PDF's text:\n${text}`);
  } finally {
    await app.close();
  }
});
