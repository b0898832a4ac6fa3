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
