import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Debounced } from "./schedule";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("Debounced", () => {
  it("runs once, delay ms after the last request", async () => {
    const job = vi.fn(async () => {});
    const d = new Debounced(job, 50);
    d.request();
    await vi.advanceTimersByTimeAsync(30);
    d.request();
    await vi.advanceTimersByTimeAsync(49);
    expect(job).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(job).toHaveBeenCalledTimes(1);
  });

  it("never runs the job twice at once, and runs again for input that came meanwhile", async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    let input = 0;
    const d = new Debounced(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      const mine = input;
      await new Promise((r) => setTimeout(r, 100));
      seen.push(mine);
      inFlight--;
    }, 10);
    input = 1;
    d.request();
    await vi.advanceTimersByTimeAsync(20); // job 1 running
    input = 2;
    d.request();
    await vi.advanceTimersByTimeAsync(20);
    input = 3;
    d.request();
    await vi.advanceTimersByTimeAsync(500);
    expect(most).toBe(1);
    expect(seen.at(-1)).toBe(3);
    expect(seen.length).toBe(2);
  });

  it("flush runs a pending job at once and waits for it", async () => {
    const job = vi.fn(async () => {});
    const d = new Debounced(job, 1000);
    d.request();
    await d.flush();
    expect(job).toHaveBeenCalledTimes(1);
    expect(d.pending).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(job).toHaveBeenCalledTimes(1);
  });
});
