// Windowing maths for long lists: only the rows in view (plus a margin) are in the DOM, so a
// chronology of 10,000 entries scrolls like one of ten. Rows may differ in height (headers are
// shorter than entries); `offsets` holds each row's top, plus the total height at the end.

/** Running tops of rows of the given heights: `offsets[i]` is row i's top, `offsets[n]` the
 * total height. */
export function offsetsOf(heights: number[]): number[] {
  const out = new Array<number>(heights.length + 1);
  out[0] = 0;
  for (let i = 0; i < heights.length; i++) out[i + 1] = out[i] + heights[i];
  return out;
}

/** The row at pixel `y` (the last row whose top is at or above it). */
export function rowAt(offsets: number[], y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Window {
  /** First row to draw. */
  start: number;
  /** One past the last row to draw. */
  end: number;
}

/** The rows to draw for a viewport at `scrollTop` of `height` pixels, with `overscan` rows
 * beyond each edge so that a fast scroll does not show blank space. */
export function windowOf(offsets: number[], scrollTop: number, height: number, overscan = 8): Window {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const first = rowAt(offsets, Math.max(0, scrollTop));
  const last = rowAt(offsets, Math.max(0, scrollTop + height - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(n, last + 1 + overscan) };
}

/** The scrollTop that brings row `i` fully into a viewport of `height` at `scrollTop`, or
 * `scrollTop` itself when it is already visible. */
export function scrollToShow(offsets: number[], i: number, scrollTop: number, height: number): number {
  const top = offsets[i];
  const bottom = offsets[i + 1];
  if (top < scrollTop) return top;
  if (bottom > scrollTop + height) return bottom - height;
  return scrollTop;
}
