// Every main action and its key, in one table: the help overlay lists it, the shell's key
// handler reads it. Keys are `KeyboardEvent.key` values.

export type Action =
  | "help"
  | "start"
  | "sources"
  | "chronology"
  | "open"
  | "new"
  | "import"
  | "excerpt"
  | "removed"
  | "next"
  | "previous"
  | "back";

export const SHORTCUTS: { key: string; action: Action; label: string }[] = [
  { key: "?", action: "help", label: "Show or hide this help" },
  { key: "1", action: "start", label: "Start: recent projects" },
  { key: "2", action: "sources", label: "Sources" },
  { key: "3", action: "chronology", label: "Chronology" },
  { key: "o", action: "open", label: "Open a project folder" },
  { key: "n", action: "new", label: "New project" },
  { key: "i", action: "import", label: "Import files" },
  { key: "e", action: "excerpt", label: "Make an excerpt of the selection (reader)" },
  { key: "r", action: "removed", label: "Show or hide removed lines (reader)" },
  { key: "j", action: "next", label: "Next item in a list" },
  { key: "k", action: "previous", label: "Previous item in a list" },
  { key: "Escape", action: "back", label: "Close the overlay, or go back" },
];

/** The action for a key press, or null; typing in a field never triggers one (except Escape). */
export function actionFor(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}): Action | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const t = e.target as HTMLElement | null;
  const typing =
    !!t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName ?? ""));
  if (typing && e.key !== "Escape") return null;
  return SHORTCUTS.find((s) => s.key === e.key)?.action ?? null;
}
