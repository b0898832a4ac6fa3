// The app's undo history: every edit pushes a command that knows how to undo and redo itself
// by calling the core again (an inverse call, e.g. the old date back). Text typed in the
// briefing editor has the editor's own history; this stack holds everything else.

export interface Command {
  /** What the edit did, for the menu and the status line ("Set date"). */
  label: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

export class UndoStack {
  private done: Command[] = [];
  private undone: Command[] = [];
  /** A command is running: a second undo/redo waits its turn instead of interleaving. */
  private busy: Promise<unknown> = Promise.resolve();

  constructor(private readonly limit = 200) {}

  /** Records an edit that has just been made; a new edit clears the redo side. */
  push(c: Command) {
    this.done.push(c);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  get canUndo() {
    return this.done.length > 0;
  }
  get canRedo() {
    return this.undone.length > 0;
  }
  get undoLabel(): string | null {
    return this.done.at(-1)?.label ?? null;
  }
  get redoLabel(): string | null {
    return this.undone.at(-1)?.label ?? null;
  }

  /** Undoes the last edit; returns its label, or null when there is none. A failed undo
   * stays on the undo side, so the analyst can retry once the cause is fixed. */
  undo(): Promise<string | null> {
    return this.run(this.done, this.undone, (c) => c.undo());
  }

  redo(): Promise<string | null> {
    return this.run(this.undone, this.done, (c) => c.redo());
  }

  clear() {
    this.done = [];
    this.undone = [];
  }

  private run(
    from: Command[],
    to: Command[],
    f: (c: Command) => Promise<void>,
  ): Promise<string | null> {
    const next = this.busy.then(async () => {
      const c = from.pop();
      if (!c) return null;
      try {
        await f(c);
      } catch (e) {
        from.push(c);
        throw e;
      }
      to.push(c);
      return c.label;
    });
    this.busy = next.catch(() => undefined);
    return next;
  }
}
