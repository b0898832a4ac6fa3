// The shell's state: which project is open and which view shows what. Views read and set it;
// only `backend.ts` talks to Rust.

import { BackendError, type ProjectInfo } from "./backend";

export type View = "start" | "sources" | "reader" | "chronology";

class AppState {
  project = $state<ProjectInfo | null>(null);
  view = $state<View>("start");
  sourceId = $state<string | null>(null);
  excerptId = $state<string | null>(null);
  error = $state<string | null>(null);
  helpOpen = $state(false);
  /** Bumped after each change, so that views reload what they show. */
  revision = $state(0);

  changed() {
    this.revision++;
  }

  /** Shows a failed action's message; returns null so callers can `?? fallback`. */
  fail(e: unknown): null {
    this.error = e instanceof BackendError ? e.message : String(e);
    return null;
  }
}

export const app = new AppState();
