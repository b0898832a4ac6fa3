// Every main action and its key, in one table: the help overlay lists it, the shell's key
// handler reads it. Keys are `KeyboardEvent.key` values; `ctrl` also accepts ⌘ on a Mac.

export type Action =
  | "help"
  | "start"
  | "sources"
  | "chronology"
  | "briefing"
  | "templates"
  | "open"
  | "new"
  | "import"
  | "excerpt"
  | "removed"
  | "dates"
  | "next"
  | "previous"
  | "filter"
  | "search"
  | "earlier"
  | "later"
  | "undo"
  | "redo"
  | "save"
  | "export-pdf"
  | "export-md"
  | "back"
  // The briefing editor's own (its keymap reads them from here: `codemirrorKey`).
  | "cite"
  | "likelihood"
  | "confidence"
  | "open-citation"
  | "next-section"
  | "previous-section"
  | "warnings"
  | "next-warning";

export interface Shortcut {
  key: string;
  ctrl?: boolean;
  shift?: boolean;
  action: Action;
  label: string;
}

export const SHORTCUTS: Shortcut[] = [
  { key: "?", action: "help", label: "Show or hide this help" },
  { key: "1", action: "start", label: "Start: recent projects" },
  { key: "2", action: "sources", label: "Sources" },
  { key: "3", action: "chronology", label: "Chronology" },
  { key: "4", action: "briefing", label: "Briefing: editor and live preview" },
  { key: "5", action: "templates", label: "Templates" },
  { key: "o", action: "open", label: "Open a project folder" },
  { key: "n", action: "new", label: "New project" },
  { key: "i", action: "import", label: "Import files" },
  { key: "e", action: "excerpt", label: "Make an excerpt of the selection (reader)" },
  { key: "r", action: "removed", label: "Show or hide removed lines (reader)" },
  { key: "d", action: "dates", label: "Show or hide dates and suggestions (reader)" },
  { key: "j", action: "next", label: "Next item in a list" },
  { key: "k", action: "previous", label: "Previous item in a list" },
  { key: "k", ctrl: true, action: "search", label: "Search sources and excerpts" },
  { key: "/", action: "filter", label: "Search (in the chronology: filter it by text)" },
  { key: "[", action: "earlier", label: "Move the selected chronology entry earlier within its day" },
  { key: "]", action: "later", label: "Move the selected chronology entry later within its day" },
  { key: "z", ctrl: true, action: "undo", label: "Undo the last edit" },
  { key: "z", ctrl: true, shift: true, action: "redo", label: "Redo" },
  { key: "y", ctrl: true, action: "redo", label: "Redo" },
  { key: "s", ctrl: true, action: "save", label: "Save the briefing now (it also saves itself)" },
  { key: "p", ctrl: true, action: "export-pdf", label: "Export the briefing as PDF" },
  { key: "m", ctrl: true, action: "export-md", label: "Export the briefing as Markdown" },
  { key: "Escape", action: "back", label: "Close the overlay, or go back" },
  { key: "[@", action: "cite", label: "Briefing editor: cite an excerpt (type words of its summary, outlet, date or tags; Enter inserts)" },
  { key: "l", ctrl: true, shift: true, action: "likelihood", label: "Briefing editor: pick a likelihood term (ICD 203)" },
  { key: "o", ctrl: true, shift: true, action: "confidence", label: "Briefing editor: add a confidence statement as its own sentence" },
  { key: "Enter", ctrl: true, shift: true, action: "open-citation", label: "Briefing editor: open the citation at the cursor in the reader (or Ctrl+click it)" },
  { key: "ArrowDown", ctrl: true, shift: true, action: "next-section", label: "Briefing editor: next section" },
  { key: "ArrowUp", ctrl: true, shift: true, action: "previous-section", label: "Briefing editor: previous section" },
  { key: "m", ctrl: true, shift: true, action: "warnings", label: "Briefing editor: list the warnings and their quick fixes" },
  { key: "F8", action: "next-warning", label: "Briefing editor: go to the next warning" },
];

/** The actions only the briefing editor handles (its CodeMirror keymap). */
export const EDITOR_ACTIONS: Action[] = [
  "cite",
  "likelihood",
  "confidence",
  "open-citation",
  "next-section",
  "previous-section",
  "warnings",
  "next-warning",
];

/** An action's key as a CodeMirror keymap names it (`Mod-Shift-l`). */
export function codemirrorKey(action: Action): string {
  const s = SHORTCUTS.find((s) => s.action === action);
  if (!s) throw new Error(`no key for ${action}`);
  return [s.ctrl ? "Mod" : "", s.shift ? "Shift" : "", s.key.length === 1 ? s.key.toLowerCase() : s.key]
    .filter(Boolean)
    .join("-");
}

/** How a shortcut is written in the help overlay and on buttons. */
export function keyLabel(s: Pick<Shortcut, "key" | "ctrl" | "shift">): string {
  return [s.ctrl ? "Ctrl" : "", s.shift ? "Shift" : "", s.key.length === 1 ? s.key.toUpperCase() : s.key]
    .filter(Boolean)
    .join("+");
}

/** Undo and redo typed in a text field belong to the field's own history. */
const FIELD_OWNS: Action[] = ["undo", "redo"];

/** The action for a key press, or null. A plain key typed into a field never triggers one
 * (except Escape); Ctrl shortcuts work everywhere except undo/redo inside a field. */
export function actionFor(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  target: EventTarget | null;
}): Action | null {
  if (e.altKey) return null;
  const ctrl = e.ctrlKey || e.metaKey;
  const t = e.target as HTMLElement | null;
  const typing =
    !!t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName ?? ""));
  // With Ctrl, Shift changes the key to upper case: compare case-insensitively.
  const key = ctrl ? e.key.toLowerCase() : e.key;
  const s = SHORTCUTS.find(
    (s) => (ctrl ? s.key.toLowerCase() : s.key) === key && !!s.ctrl === ctrl && (!ctrl || !!s.shift === !!e.shiftKey),
  );
  if (!s) return null;
  if (typing && !ctrl && s.action !== "back") return null;
  if (typing && FIELD_OWNS.includes(s.action)) return null;
  return s.action;
}
