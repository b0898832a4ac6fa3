// The shell's state: which project is open and which view shows what. Views read and set it;
// only `backend.ts` talks to Rust.

import { BackendError, type ProjectInfo } from "./backend";
import { UndoStack, type Command } from "./undo";
import { PendingEdits, type Choice, type Pending } from "./pending";
import type { Target } from "./search";

export type View = "start" | "sources" | "reader" | "chronology" | "briefing" | "templates";

class AppState {
  project = $state<ProjectInfo | null>(null);
  view = $state<View>("start");
  sourceId = $state<string | null>(null);
  excerptId = $state<string | null>(null);
  /** The briefing the editor shows (a file stem in briefings/). */
  briefing = $state("main");
  error = $state<string | null>(null);
  /** A passing note ("Undid: set date"). */
  status = $state<string | null>(null);
  /** Project files changed on disk since they were loaded; the shell offers to reload. */
  stale = $state<string[] | null>(null);
  helpOpen = $state(false);
  searchOpen = $state(false);
  /** Where the reader scrolls to once the source is shown: a search hit opened (`./search`). */
  jump = $state<Target | null>(null);
  /** Bumped after each change, so that views reload what they show. */
  revision = $state(0);
  /** Bumped after the project was read again from disk: editors drop their state. */
  reloads = $state(0);
  readonly history = new UndoStack();
  /** Unsaved edits the views hold; a reload saves or asks about each (`./pending`). */
  readonly pending = new PendingEdits();
  /** Files changed on disk and here: the shell asks whose version stays. */
  conflict = $state<{ edits: { label: string; file: string }[]; answer: (c: Choice | null) => void } | null>(null);
  /** Mirrors of the stack's state for the toolbar (the stack itself is not reactive). */
  undoLabel = $state<string | null>(null);
  redoLabel = $state<string | null>(null);
  /** Bumped by each undo or redo: forms showing an edited item start again from the store. */
  historySteps = $state(0);

  /** Asks the analyst whose version of each conflicting file stays (null: decide later). */
  choose(edits: Pending[]): Promise<Choice | null> {
    return new Promise((resolve) => {
      this.conflict = {
        edits: edits.map((e) => ({ label: e.label, file: e.file })),
        answer: (c) => {
          this.conflict = null;
          resolve(c);
        },
      };
    });
  }

  changed() {
    this.revision++;
  }

  /** Records an edit just made, so that it can be undone. */
  did(c: Command) {
    this.history.push(c);
    this.syncHistory();
  }

  syncHistory() {
    this.undoLabel = this.history.undoLabel;
    this.redoLabel = this.history.redoLabel;
  }

  /** Shows a failed action: a file changed on disk becomes a reload prompt, anything else a
   * message. Returns null so callers can `?? fallback`. */
  fail(e: unknown): null {
    if (e instanceof BackendError && e.code === "changed_on_disk") {
      this.stale = [e.message];
      return null;
    }
    this.error = e instanceof BackendError ? e.message : String(e);
    return null;
  }
}

export const app = new AppState();
