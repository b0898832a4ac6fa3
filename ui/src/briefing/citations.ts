// Where the briefing's citations are, for the editor's chips: the `[@id]` and `[@a; @b]`
// groups of the text, as the core reads them (`dossier_render::citations`: the same rule, so
// a chip is shown exactly where the render sees a citation), and which of them stay raw text
// because the selection is inside one. Pure and view-independent: unit-tested on long
// documents, and run by the editor only over the lines on screen.

export interface CitedId {
  id: string;
  /** UTF-16 offsets of the id (after its `@`). */
  from: number;
  to: number;
}

export interface CitationGroup {
  /** UTF-16 offsets of the whole group, `[` to `]`. */
  from: number;
  to: number;
  ids: CitedId[];
}

const ID = /^[a-z0-9-]+$/;

/** The citation groups of `text`; offsets count from `offset` (where `text` starts in the
 * document). A group does not span lines. */
export function findCitations(text: string, offset = 0): CitationGroup[] {
  const out: CitationGroup[] = [];
  let at = 0;
  for (;;) {
    const start = text.indexOf("[@", at);
    if (start < 0) break;
    const close = text.indexOf("]", start);
    const nl = text.indexOf("\n", start);
    if (close < 0) break;
    if (nl >= 0 && nl < close) {
      at = start + 2;
      continue;
    }
    const ids = parseGroup(text, start, close);
    if (ids) {
      out.push({
        from: offset + start,
        to: offset + close + 1,
        ids: ids.map((c) => ({ id: c.id, from: offset + c.from, to: offset + c.to })),
      });
      at = close + 1;
    } else {
      at = start + 2;
    }
  }
  return out;
}

/** The ids between `[` at `start` and `]` at `close`, or null when any part is not `@id`. */
function parseGroup(text: string, start: number, close: number): CitedId[] | null {
  const ids: CitedId[] = [];
  let partStart = start + 1;
  while (partStart <= close) {
    let partEnd = text.indexOf(";", partStart);
    if (partEnd < 0 || partEnd > close) partEnd = close;
    const part = text.slice(partStart, partEnd);
    const lead = part.length - part.trimStart().length;
    const trimmed = part.trim();
    if (!trimmed.startsWith("@")) return null;
    // As the core: the id runs to the first comma or space (a locator may follow).
    const id = trimmed.slice(1).split(/[, ]/)[0].trim();
    if (!id || !ID.test(id)) return null;
    const from = partStart + lead + 1;
    ids.push({ id, from, to: from + id.length });
    partStart = partEnd + 1;
  }
  return ids.length ? ids : null;
}

/** How a citation group is drawn: as a chip, or as its raw text (the selection is inside it,
 * to edit the id). */
export interface ChipSpec {
  from: number;
  to: number;
  ids: string[];
  raw: boolean;
}

/** The chips of `text` (at `offset` in the document) given the selection's ranges: a group is
 * raw while an end of a selection range is strictly inside it; a cursor on its edge, or a
 * selection over the whole group, leaves it a chip (the chip is one unit for the cursor). */
export function chipLayout(text: string, offset: number, selection: readonly { from: number; to: number }[]): ChipSpec[] {
  return findCitations(text, offset).map((g) => ({
    from: g.from,
    to: g.to,
    ids: g.ids.map((c) => c.id),
    raw: selection.some((s) => (s.from > g.from && s.from < g.to) || (s.to > g.from && s.to < g.to)),
  }));
}

/** The group that `pos` touches (inside or on an edge), if any. */
export function citationAt(text: string, offset: number, pos: number): CitationGroup | null {
  return findCitations(text, offset).find((g) => g.from <= pos && pos <= g.to) ?? null;
}

/** The text that cites `ids`, one group each (as the demo writes them), with a space before
 * it unless the text before `pos` already ends in white space or an opening bracket. */
export function citationText(ids: readonly string[], before: string): string {
  const cites = ids.map((id) => `[@${id}]`).join(" ");
  return before === "" || /[\s(]$/.test(before) ? cites : ` ${cites}`;
}

/** The type an excerpt or chronology entry is dragged with: a JSON list of excerpt ids. */
export const CITATION_DRAG = "application/x-dossier-citations";
