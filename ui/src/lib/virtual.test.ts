import { describe, expect, it } from "vitest";
import { offsetsOf, rowAt, scrollToShow, windowOf } from "./virtual";

describe("virtual list maths", () => {
  const offsets = offsetsOf([30, 60, 60, 30, 60]); // tops 0 30 90 150 180, total 240

  it("accumulates heights", () => {
    expect(offsets).toEqual([0, 30, 90, 150, 180, 240]);
  });

  it("finds the row under a pixel", () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 29)).toBe(0);
    expect(rowAt(offsets, 30)).toBe(1);
    expect(rowAt(offsets, 239)).toBe(4);
    expect(rowAt(offsets, 10_000)).toBe(4);
  });

  it("draws only the rows in view, plus the overscan", () => {
    expect(windowOf(offsets, 0, 100, 0)).toEqual({ start: 0, end: 3 });
    expect(windowOf(offsets, 100, 60, 0)).toEqual({ start: 2, end: 4 });
    expect(windowOf(offsets, 100, 60, 1)).toEqual({ start: 1, end: 5 });
    expect(windowOf(offsets, 0, 100, 50)).toEqual({ start: 0, end: 5 });
    expect(windowOf(offsetsOf([]), 0, 100)).toEqual({ start: 0, end: 0 });
  });

  it("keeps 10,000 rows to a screenful", () => {
    const big = offsetsOf(Array.from({ length: 10_000 }, (_, i) => (i % 10 === 0 ? 28 : 56)));
    const w = windowOf(big, 300_000, 700, 8);
    expect(w.end - w.start).toBeLessThan(40);
    expect(big[w.start]).toBeLessThanOrEqual(300_000);
    expect(big[w.end]).toBeGreaterThanOrEqual(300_700);
  });

  it("scrolls just enough to show a row", () => {
    expect(scrollToShow(offsets, 1, 0, 100)).toBe(0);
    expect(scrollToShow(offsets, 2, 0, 100)).toBe(50);
    expect(scrollToShow(offsets, 0, 50, 100)).toBe(0);
  });
});
