// Timing for the editor: a debounced job that never runs twice at once and whose stale results
// are dropped (the live preview), and an autosaver that writes within a second of a change.

/** Runs `job` `delay` ms after the last `request`; a request while the job runs queues one
 * more run, so the result always reflects the latest input and never more than one call is
 * in flight. */
export class Debounced {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly delay: number,
  ) {}

  request() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.start();
    }, this.delay);
  }

  /** Runs now (cancelling a pending run) and resolves when the latest input is done. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
      await this.start();
    }
    while (this.running) await this.running;
  }

  get pending() {
    return this.timer !== null || this.running !== null;
  }

  cancel() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.again = false;
  }

  private async start(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.job();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
