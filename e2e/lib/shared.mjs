// `../shared` beside the repository, with dossier_testkit's rule: where it is absent (a user's
// clone) a test that needs it is skipped with a visible message; where CI=true its absence is
// a failure, because CI always has it.

import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { REPO } from "./app.mjs";

/** The shared folder, or null after marking the test `t` skipped. */
export function shared(t) {
  const dir = process.env.DOSSIER_SHARED ?? path.join(REPO, "../shared");
  if (existsSync(dir)) return dir;
  if (process.env.CI === "true") throw new Error(`${t.name}: ${dir} is missing, and CI always has it`);
  console.log(`SKIPPED ${t.name}: ${dir} not found (it sits beside the repository in CI)`);
  t.skip(`${dir} not found`);
  return null;
}

/** The seed articles of ../shared/seeds, sorted, or null (skipped). */
export function seeds(t) {
  const dir = shared(t);
  if (!dir) return null;
  const seedDir = path.join(dir, "seeds");
  return readdirSync(seedDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => path.join(seedDir, f));
}
