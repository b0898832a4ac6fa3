// Writes a large project for the chronology measurement, in the documented project format
// (docs/project-format.md): `entries` excerpts on as many distinct days, so that the chronology
// has exactly that many entries (excerpts of different days never merge), spread over
// `entries / 20` sources. The app loading it is the check that it is well formed.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const WORDS = ["harbour", "tanker", "militia", "strait", "officials", "convoy", "insurers", "navy",
  "ministry", "blockade", "fishermen", "talks", "ceasefire", "port", "cargo", "captain", "crew"];

const toml = (s) => JSON.stringify(s); // a TOML basic string is a JSON string for this text

function day(n) {
  return new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Generates the project in `dir` (which must not exist) and returns `dir`. */
export function generateProject(dir, entries) {
  const perSource = 20;
  const sources = Math.ceil(entries / perSource);
  mkdirSync(path.join(dir, "sources"), { recursive: true });
  mkdirSync(path.join(dir, "excerpts"), { recursive: true });
  writeFileSync(path.join(dir, "dossier.toml"), `format = 1\ntemplate = "intsum"\ntitle = "Scale: ${entries} entries"\n`);
  for (let s = 0; s < sources; s++) {
    const id = `source-${String(s).padStart(5, "0")}`;
    // One sentence per excerpt; each excerpt quotes its own sentence.
    const sentences = [];
    for (let k = 0; k < perSource; k++) {
      const j = s * perSource + k;
      sentences.push(`Event ${j}: the ${WORDS[j % WORDS.length]} and the ${WORDS[(j * 7) % WORDS.length]} were reported.`);
    }
    const text = `Report number ${s}\n\n${sentences.join("\n\n")}\n`;
    writeFileSync(
      path.join(dir, "sources", `${id}.md`),
      `+++
captured_at = "2026-01-01T00:00:00Z"
id = "${id}"
reliability = "C"

[original]
file_name = "${s}.txt"
media_type = "text/plain"
sha256 = "${String(s).padStart(64, "0")}"
size = ${Buffer.byteLength(text)}

[outlet]
confidence = 1.0
provenance = "analyst"
value = "Outlet ${s % 50}"

[published]
confidence = 1.0
provenance = "analyst"
value = "${day(s * perSource + perSource)}"

[title]
confidence = 0.6
provenance = "text:first-line"
value = "Report number ${s}"
+++
${text}`,
    );
    for (let k = 0; k < perSource; k++) {
      const j = s * perSource + k;
      if (j >= entries) break;
      const quote = sentences[k];
      const start = Buffer.byteLength(text.slice(0, text.indexOf(quote)));
      const xid = `excerpt-${String(j).padStart(5, "0")}`;
      writeFileSync(
        path.join(dir, "excerpts", `${xid}.toml`),
        `credibility = 3
id = "${xid}"
quote = ${toml(quote)}
source = "${id}"
summary = ${toml(`Event ${j}: ${WORDS[j % WORDS.length]} ${WORDS[(j * 7) % WORDS.length]}`)}
tags = ["place:Port ${j % 40}"]

[date]
confidence = 1.0
provenance = "analyst"
value = "${day(j)}"

[locator]
end = ${start + Buffer.byteLength(quote)}
start = ${start}
`,
      );
    }
  }
  return dir;
}
