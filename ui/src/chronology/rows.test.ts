import { describe, expect, it } from "vitest";
import type { ChronologyEntry } from "../lib/bindings";
import { NO_FILTER, buckets, dayOrder, matcher, reorder, rowsOf } from "./rows";

/** An entry on an EDTF-ish date: `2015-06-02`, `2015-06` or `2015`. */
function entry(date: string, summary: string, more: Partial<ChronologyEntry> = {}): ChronologyEntry {
  const [y, m, d] = date.split("-").map(Number);
  const last = d ? date : m ? `${date}-30` : `${date}-12-31`;
  const first = d ? date : m ? `${date}-01` : `${date}-01-01`;
  return {
    date: { value: date, human: date },
    first_day: first,
    last_day: last,
    year: y,
    month: m ?? null,
    day: d ?? null,
    group: d ? "" : m ? `${date} (day not known)` : "",
    summary,
    excerpts: [`x-${summary}`],
    quotes: [`quote about ${summary}`],
    sources: ["s1"],
    tags: [],
    dependence: "single",
    dependence_detail: "",
    origins: ["Outlet 1"],
    origin_of: ["Outlet 1"],
    source_of: ["s1"],
    grouped_by_analyst: false,
    ...more,
  };
}

describe("rowsOf", () => {
  it("heads each year, month and day once, month-only entries before the days", () => {
    const es = [
      entry("2015-06-02", "a"),
      entry("2015-06-02", "b"),
      entry("2015-06", "c"),
      entry("2015-07-01", "d"),
      entry("2016", "e"),
    ];
    const rows = rowsOf(es).map((r) =>
      r.kind === "entry" ? r.entry.summary : `${r.kind}:${r.key.slice(1)}`,
    );
    expect(rows).toEqual([
      "year:2015",
      "month:2015-6",
      "group:2015-6-2015-06 (day not known)",
      "c",
      "day:2015-06-02",
      "a",
      "b",
      "month:2015-7",
      "day:2015-07-01",
      "d",
      "year:2016",
      "e",
    ]);
  });

  it("keeps the core's order within a day", () => {
    const es = [entry("2015-06-02", "z"), entry("2015-06-02", "a")];
    const names = rowsOf(es).flatMap((r) => (r.kind === "entry" ? [r.entry.summary] : []));
    expect(names).toEqual(["z", "a"]);
  });
});

describe("rowsOf with a filter", () => {
  it("keeps the indexes of the whole list", () => {
    const es = [entry("2015-06-01", "a"), entry("2015-06-02", "b"), entry("2015-06-03", "c")];
    const kept = rowsOf(es, (e) => e.summary !== "b").flatMap((r) =>
      r.kind === "entry" ? [[r.entry.summary, r.index]] : [],
    );
    expect(kept).toEqual([
      ["a", 0],
      ["c", 2],
    ]);
  });
});

describe("matcher", () => {
  const es = [
    entry("2015-06-02", "harbour closed", { tags: ["place:Port Alder"], sources: ["s1"] }),
    entry("2015-06", "ferry resumed", { sources: ["s2"] }),
    entry("2016-01-05", "strike began", { quotes: ["Dockers walked out"] }),
  ];
  const pick = (f: Partial<typeof NO_FILTER>) =>
    es.filter(matcher({ ...NO_FILTER, ...f })).map((e) => e.summary);

  it("passes everything without a filter", () => {
    expect(pick({})).toHaveLength(3);
  });
  it("filters by tag and source", () => {
    expect(pick({ tag: "place:Port Alder" })).toEqual(["harbour closed"]);
    expect(pick({ source: "s2" })).toEqual(["ferry resumed"]);
  });
  it("keeps dates that overlap the range, partial dates included", () => {
    expect(pick({ from: "2015-06-10" })).toEqual(["ferry resumed", "strike began"]);
    expect(pick({ to: "2015-06-01" })).toEqual(["ferry resumed"]);
    expect(pick({ from: "2015-06-02", to: "2015" })).toEqual(["harbour closed", "ferry resumed"]);
  });
  it("matches all words of the text in summary, quotes or tags", () => {
    expect(pick({ text: "DOCKERS out" })).toEqual(["strike began"]);
    expect(pick({ text: "port alder" })).toEqual(["harbour closed"]);
    expect(pick({ text: "harbour strike" })).toEqual([]);
  });
});

describe("reorder", () => {
  const es = [
    entry("2015-06-01", "before"),
    entry("2015-06-02", "a"),
    entry("2015-06-02", "b", { excerpts: ["x-b1", "x-b2"] }),
    entry("2015-06-02", "c"),
    entry("2015-06", "month"),
  ];

  it("moves an entry within its day and lists the day's excerpts in the new order", () => {
    expect(reorder(es, 3, 1)).toEqual(["x-c", "x-a", "x-b1", "x-b2"]);
    expect(reorder(es, 1, 3)).toEqual(["x-b1", "x-b2", "x-c", "x-a"]);
    expect(dayOrder(es, "2015-06-02")).toEqual(["x-a", "x-b1", "x-b2", "x-c"]);
  });

  it("refuses moves across days, of partial dates, and to the same place", () => {
    expect(reorder(es, 1, 0)).toBeNull();
    expect(reorder(es, 4, 1)).toBeNull();
    expect(reorder(es, 2, 2)).toBeNull();
  });
});

describe("buckets", () => {
  it("counts per month over the span, empty months included", () => {
    const b = buckets([entry("2015-06-02", "a"), entry("2015-06", "b"), entry("2015-08-01", "c")]);
    expect(b.map((x) => [x.key, x.count])).toEqual([
      ["2015-06", 2],
      ["2015-07", 0],
      ["2015-08", 1],
    ]);
  });

  it("counts per year when the span is long", () => {
    const b = buckets([entry("2001-01-01", "a"), entry("2015-06-01", "b")], 120);
    expect(b[0]).toMatchObject({ key: "2001", count: 1 });
    expect(b.at(-1)).toMatchObject({ key: "2015", count: 1 });
    expect(b).toHaveLength(15);
  });
});
