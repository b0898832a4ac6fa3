// Offsets: the core speaks UTF-8 byte offsets, the DOM speaks UTF-16 code units. These convert
// between the two for one text, and cut a text into plain and highlighted segments.

const encoder = new TextEncoder();

/** UTF-8 byte length of the first `index` UTF-16 code units of `text`. */
export function utf8Offset(text: string, index: number): number {
  return encoder.encode(text.slice(0, index)).length;
}

/** UTF-16 index of UTF-8 byte offset `bytes` of `text` (clamped to the text). */
export function utf16Index(text: string, bytes: number): number {
  let b = 0;
  let i = 0;
  while (i < text.length && b < bytes) {
    const cp = text.codePointAt(i)!;
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return i;
}

export interface Segment {
  text: string;
  /** The id of the excerpt this segment belongs to, if any. */
  mark: string | null;
}

/** Cuts `text` at the byte ranges of `marks` (overlaps: the earlier mark wins). */
export function segments(
  text: string,
  marks: { id: string; start: number; end: number }[],
): Segment[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Segment[] = [];
  let at = 0;
  for (const m of sorted) {
    const s = Math.max(utf16Index(text, m.start), at);
    const e = utf16Index(text, m.end);
    if (e <= s) continue;
    if (s > at) out.push({ text: text.slice(at, s), mark: null });
    out.push({ text: text.slice(s, e), mark: m.id });
    at = e;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: null });
  return out;
}

/** A piece of text with everything the reader overlays on it. */
export interface Layered {
  text: string;
  /** The excerpt this piece belongs to (the earlier one where excerpts overlap). */
  mark: string | null;
  /** The resolved date of the temporal expression this piece is in, if any ("" when the
   * expression has no calendar value). */
  date: { value: string; human: string } | null;
  /** Inside a suggested excerpt. */
  suggested: boolean;
}

interface Range {
  start: number;
  end: number;
}

/** Cuts `text` wherever an excerpt, a date expression or a suggestion starts or ends (byte
 * ranges), in one pass over the text whatever the number of ranges. */
export function layers(
  text: string,
  marks: (Range & { id: string })[],
  dates: (Range & { date: { value: string; human: string } | null })[],
  suggestions: Range[],
): Layered[] {
  const bytes = new Set<number>([0]);
  for (const r of [...marks, ...dates, ...suggestions]) {
    bytes.add(r.start);
    bytes.add(r.end);
  }
  const cuts = [...bytes].sort((a, b) => a - b);
  // Byte offset → UTF-16 index for every cut, walking the text once.
  const index = new Map<number, number>();
  let b = 0;
  let i = 0;
  for (const cut of cuts) {
    while (i < text.length && b < cut) {
      const cp = text.codePointAt(i)!;
      b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += cp >= 0x10000 ? 2 : 1;
    }
    index.set(cut, i);
  }
  const sortedMarks = [...marks].sort((a, b) => a.start - b.start || a.end - b.end);
  const inside = <T extends Range>(rs: T[], at: number) => rs.find((r) => r.start <= at && at < r.end);
  const out: Layered[] = [];
  for (let k = 0; k < cuts.length; k++) {
    const from = index.get(cuts[k])!;
    const to = k + 1 < cuts.length ? index.get(cuts[k + 1])! : text.length;
    if (to <= from) continue;
    const at = cuts[k];
    const d = inside(dates, at);
    const piece: Layered = {
      text: text.slice(from, to),
      mark: inside(sortedMarks, at)?.id ?? null,
      date: d ? (d.date ?? { value: "", human: "" }) : null,
      suggested: !!inside(suggestions, at),
    };
    const prev = out.at(-1);
    // Neighbours with the same overlays are one piece (fewer DOM nodes).
    if (prev && prev.mark === piece.mark && prev.date === piece.date && prev.suggested === piece.suggested) {
      prev.text += piece.text;
    } else out.push(piece);
  }
  return out;
}

/** `utf16Index` of many byte offsets of one text in a single pass over it (the editor maps
 * every warning of a long briefing at once). Returns the indices in the order given. */
export function utf16Indices(text: string, bytes: readonly number[]): number[] {
  const order = bytes.map((b, i) => [b, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(bytes.length);
  let b = 0;
  let i = 0;
  for (const [want, k] of order) {
    while (i < text.length && b < want) {
      const cp = text.codePointAt(i)!;
      b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += cp >= 0x10000 ? 2 : 1;
    }
    out[k] = i;
  }
  return out;
}
