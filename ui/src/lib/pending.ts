// Edits typed but not yet saved (the briefing text, an open excerpt or source form), and how a
// reload from disk treats them: it never drops one silently. An edit whose file did not change
// on disk is saved first; an edit whose file changed on disk too is a conflict, and the analyst
// chooses whose version stays.

/** An unsaved edit, registered by the view that holds it. */
export interface Pending {
  /** What it is, for the conflict prompt ("the briefing text"). */
  readonly label: string;
  /** The project file it saves to, relative to the project ("briefings/main.md"). */
  readonly file: string;
  /** Whether there is anything unsaved now. */
  dirty(): boolean;
  /** Saves it through the core now; rejects when the core refuses. */
  save(): Promise<void>;
  /** Drops it: after the reload the view shows what is on disk. */
  discard(): void;
}

/** Whose version of a file changed on both sides stays. */
export type Choice = "mine" | "theirs";

/** What a reload needs of the core. */
export interface Disk<T> {
  /** Project files changed on disk since they were loaded (relative paths). */
  changes(): Promise<string[]>;
  /** Reads the project again. */
  reload(): Promise<T>;
}

/** The edits views registered; the registry itself holds no state of theirs. */
export class PendingEdits {
  private entries = new Set<Pending>();

  /** Registers `p`; returns what unregisters it. */
  add(p: Pending): () => void {
    this.entries.add(p);
    return () => void this.entries.delete(p);
  }

  /** The registered edits with something unsaved. */
  dirty(): Pending[] {
    return [...this.entries].filter((p) => p.dirty());
  }
}

/** Paths as the core reports them, compared the same on every system. */
const norm = (f: string) => f.replaceAll("\\", "/");

/** Splits unsaved edits into those whose file also changed on disk and the others. */
export function split(edits: Pending[], changed: string[]): { conflicts: Pending[]; safe: Pending[] } {
  const onDisk = new Set(changed.map(norm));
  const conflicts = edits.filter((e) => onDisk.has(norm(e.file)));
  return { conflicts, safe: edits.filter((e) => !conflicts.includes(e)) };
}

/** A save refused because the file changed on disk meanwhile (the core's error code). */
const changedMeanwhile = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "changed_on_disk";

/**
 * Reloads the project without losing an unsaved edit. Edits to files unchanged on disk are
 * saved before the reload; for edits to files that changed on disk as well, `choose` asks the
 * analyst: "mine" reloads and then saves the edits over the files (the analyst's explicit
 * choice), "theirs" drops the edits, null keeps everything as it is and does not reload.
 * Returns the reload's result, or null when there was none; a save of "mine" that fails after
 * the reload goes to `failed`.
 */
export async function reloadKeeping<T>(
  edits: Pending[],
  disk: Disk<T>,
  choose: (conflicts: Pending[]) => Promise<Choice | null>,
  failed: (e: unknown) => void = () => {},
): Promise<T | null> {
  const dirty = edits.filter((e) => e.dirty());
  const { conflicts, safe } = split(dirty, dirty.length > 0 ? await disk.changes() : []);
  for (const e of safe) {
    try {
      await e.save();
    } catch (err) {
      // The file changed between the look and the save: it is a conflict after all.
      if (!changedMeanwhile(err)) throw err;
      conflicts.push(e);
    }
  }
  const choice = conflicts.length > 0 ? await choose(conflicts) : null;
  if (conflicts.length > 0 && choice === null) return null;
  const loaded = await disk.reload();
  for (const e of conflicts) {
    if (choice === "theirs") e.discard();
    // A failed save leaves the edit unsaved in its view, which keeps it through the reload.
    else await e.save().catch(failed);
  }
  return loaded;
}
