// The chronology as the view draws it: filtered, grouped under year, month and day headings,
// with the analyst's order within a day, and a month-by-month timeline.

import type { ChronologyEntry } from "../lib/bindings";

export interface Filter {
  /** Words that must all appear in the summary, a quote, or a tag (case-insensitive). */
  text: string;
  /** A tag the entry must carry; "" for any. */
  tag: string;
  /** A source the entry must cite; "" for any. */
  source: string;
  /** `YYYY-MM-DD` bounds; the entry's date must overlap them. "" leaves a side open. */
  from: string;
  to: string;
}

export const NO_FILTER: Filter = { text: "", tag: "", source: "", from: "", to: "" };

/** A filter's text, lower-cased words. */
function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Each entry's searchable text, lower-cased once (filtering 10,000 entries per keystroke). */
const haystacks = new WeakMap<ChronologyEntry, string>();

function haystack(e: ChronologyEntry): string {
  let h = haystacks.get(e);
  if (h === undefined) {
    h = [e.summary, ...e.quotes, ...e.tags].join("\n").toLowerCase();
    haystacks.set(e, h);
  }
  return h;
}

export function matcher(f: Filter): (e: ChronologyEntry) => boolean {
  const want = words(f.text);
  return (e) => {
    if (f.tag && !e.tags.includes(f.tag)) return false;
    if (f.source && !e.sources.includes(f.source)) return false;
    // ISO dates compare as strings; a date overlaps [from, to] unless it ends before or starts after.
    if (f.from && e.last_day < f.from) return false;
    if (f.to && e.first_day > normaliseTo(f.to)) return false;
    if (want.length > 0) {
      const hay = haystack(e);
      if (!want.every((w) => hay.includes(w))) return false;
    }
    return true;
  };
}

/** A `to` of `2015` or `2015-06` means the end of that year or month. */
function normaliseTo(to: string): string {
  if (/^\d{4}$/.test(to)) return `${to}-12-31`;
  if (/^\d{4}-\d{2}$/.test(to)) return `${to}-31`;
  return to;
}

export type Row =
  | { kind: "year"; year: number; key: string }
  | { kind: "month"; year: number; month: number; key: string }
  | { kind: "group"; label: string; key: string }
  | { kind: "day"; year: number; month: number; day: number; key: string }
  | { kind: "entry"; entry: ChronologyEntry; index: number; day: string | null; key: string };

/** The day an entry may be reordered within, or null when its date is not one day. */
export function dayOf(e: ChronologyEntry): string | null {
  return e.day !== null && e.month !== null ? e.first_day : null;
}

/** Rows for the entries `keep` passes (in the core's order): headings where the year, month or day changes.
 * The entries whose day is not known (a month, a range of days, a circa date) come under the
 * month before its days, headed by the core's group ("June 2015 (day not known)"); one known only
 * to the year, under the year before its months. */
export function rowsOf(entries: ChronologyEntry[], keep: (e: ChronologyEntry) => boolean = () => true): Row[] {
  // Indexes stay those of `entries` whatever the filter keeps: selection and reordering use them.
  const order = entries
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => keep(e))
    .sort(
      (a, b) =>
        a.e.year - b.e.year ||
        (a.e.month ?? 0) - (b.e.month ?? 0) ||
        (a.e.day ?? 0) - (b.e.day ?? 0) ||
        a.index - b.index,
    );
  const rows: Row[] = [];
  let year: number | null = null;
  let month: string | null = null;
  let day: string | null = null;
  let group: string | null = null;
  for (const { e, index } of order) {
    if (e.year !== year) {
      year = e.year;
      month = null;
      day = null;
      group = null;
      rows.push({ kind: "year", year: e.year, key: `y${e.year}` });
    }
    if (e.month !== null && `${e.year}-${e.month}` !== month) {
      month = `${e.year}-${e.month}`;
      day = null;
      group = null;
      rows.push({ kind: "month", year: e.year, month: e.month, key: `m${month}` });
    }
    if (e.group && e.group !== group) {
      group = e.group;
      rows.push({ kind: "group", label: e.group, key: `g${month}-${e.group}` });
    }
    const d = dayOf(e);
    if (d !== null && d !== day) {
      day = d;
      rows.push({ kind: "day", year: e.year, month: e.month!, day: e.day!, key: `d${d}` });
    }
    rows.push({ kind: "entry", entry: e, index, day: d, key: `e${index}` });
  }
  return rows;
}

/** The excerpt order of day `day` after moving entry `from` to where entry `to` is (both
 * indexes into `entries`); null when the move is not within one day or changes nothing. */
export function reorder(entries: ChronologyEntry[], from: number, to: number): string[] | null {
  const day = dayOf(entries[from]);
  if (day === null || from === to || dayOf(entries[to]) !== day) return null;
  const same = entries.map((e, i) => ({ e, i })).filter(({ e }) => dayOf(e) === day);
  const moving = same.findIndex(({ i }) => i === from);
  const target = same.findIndex(({ i }) => i === to);
  const [m] = same.splice(moving, 1);
  same.splice(target, 0, m);
  return same.flatMap(({ e }) => e.excerpts);
}

/** The excerpt order of day `day` as it stands (to undo a reorder). */
export function dayOrder(entries: ChronologyEntry[], day: string): string[] {
  return entries.filter((e) => dayOf(e) === day).flatMap((e) => e.excerpts);
}

export interface Bucket {
  /** `YYYY-MM`, or `YYYY` when the span is too long for months. */
  key: string;
  label: string;
  count: number;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Entries counted per month over the whole span (empty months included, so the bars are to
 * scale), or per year when the span passes `maxBars` months. */
export function buckets(entries: ChronologyEntry[], maxBars = 120): Bucket[] {
  if (entries.length === 0) return [];
  const ym = (e: ChronologyEntry) => e.year * 12 + Number(e.first_day.slice(5, 7)) - 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of entries) {
    const v = ym(e);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const byYear = hi - lo + 1 > maxBars;
  const keyOf = (v: number) => (byYear ? Math.floor(v / 12) : v);
  const first = keyOf(lo);
  const out: Bucket[] = [];
  for (let k = first; k <= keyOf(hi); k++) {
    const y = byYear ? k : Math.floor(k / 12);
    const m = byYear ? 0 : k % 12;
    out.push({
      key: byYear ? `${y}` : `${y}-${String(m + 1).padStart(2, "0")}`,
      label: byYear ? `${y}` : `${MONTHS[m]} ${y}`,
      count: 0,
    });
  }
  for (const e of entries) out[keyOf(ym(e)) - first].count++;
  return out;
}
