// The search box's logic, apart from the view: a snippet cut into plain and matched parts (the
// core's highlights are UTF-8 byte ranges), hits grouped under their source, the keyboard's
// move through the list, and where a hit opens in the reader.

import { utf16Index } from "./text";

export interface Part {
  text: string;
  match: boolean;
}

/** The snippet as plain and matched parts, in order; ranges out of order or outside are skipped. */
export function snippetParts(snippet: string, highlights: [number, number][]): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const [a, b] of highlights) {
    const from = utf16Index(snippet, a);
    const to = utf16Index(snippet, b);
    if (from < at || to <= from) continue;
    if (from > at) parts.push({ text: snippet.slice(at, from), match: false });
    parts.push({ text: snippet.slice(from, to), match: true });
    at = to;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), match: false });
  return parts;
}

interface Grouped {
  source: string;
}

/** Whether hit `i` starts a new source's group (the core sends each group's hits together). */
export function startsGroup(hits: Grouped[], i: number): boolean {
  return i === 0 || hits[i - 1].source !== hits[i].source;
}

/** The selected row after an arrow key: down and up stop at the ends; -1 means none. */
export function moved(selected: number, key: string, count: number): number {
  if (count === 0) return -1;
  switch (key) {
    case "ArrowDown":
      return Math.min(selected + 1, count - 1);
    case "ArrowUp":
      return Math.max(selected - 1, 0);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return selected;
  }
}

export interface Target {
  /** The source to open in the reader. */
  source: string;
  /** The excerpt to select, for an excerpt hit. */
  excerpt: string | null;
  /** The match in the source's text to show (UTF-8 bytes), for a hit in the text. */
  range: [number, number] | null;
}

/** Where a hit opens: its source in the reader, at the excerpt or at the match in the text. */
export function target(hit: {
  kind: "source" | "excerpt";
  id: string;
  source: string;
  field: string;
  range: [number, number];
}): Target {
  if (hit.kind === "excerpt") return { source: hit.source, excerpt: hit.id, range: null };
  const inText = hit.field === "text" && hit.range[1] > hit.range[0];
  return { source: hit.id, excerpt: null, range: inText ? hit.range : null };
}
