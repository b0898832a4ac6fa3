// The stand-in for the native file dialogs in end-to-end runs. WebDriver cannot operate GTK
// dialogs, so when the app runs under the test harness (`scripted_dialogs`), `backend.ts` asks
// here instead: the shell shows a path field, and the typed paths go to the same command that a
// dialog's choice would. Everything after the path is the real app.

type Pending = { title: string; multiple: boolean; resolve: (paths: string[] | null) => void };

class PathPrompt {
  pending = $state<Pending | null>(null);

  /** One path, or several (one per line) when `multiple`; `null` when cancelled. */
  ask(title: string, multiple: boolean): Promise<string[] | null> {
    this.pending?.resolve(null);
    return new Promise((resolve) => (this.pending = { title, multiple, resolve }));
  }

  answer(text: string | null) {
    const p = this.pending;
    this.pending = null;
    const paths = text?.split("\n").map((l) => l.trim()).filter(Boolean) ?? [];
    p?.resolve(paths.length ? (p.multiple ? paths : paths.slice(0, 1)) : null);
  }
}

export const pathPrompt = new PathPrompt();
