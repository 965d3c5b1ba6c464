/**
 * Remembers that the shared store just failed, so that while Redis is stalled the following
 * requests skip it at once instead of each waiting out the command timeout. After the pause one
 * caller probes the store again; the first answer ends the outage.
 */
export class StoreOutage {
  private until = 0;

  constructor(
    private readonly options: {
      pauseMs: number;
      /** Called when the store stops or starts answering (for one log line each way). */
      onChange?: (down: boolean) => void;
    },
  ) {}

  /** True while calls should not reach the store; false for the one caller that probes after the pause. */
  skip(): boolean {
    if (this.until === 0) return false;
    const now = Date.now();
    if (now < this.until) return true;
    this.until = now + this.options.pauseMs;
    return false;
  }

  /** True while the store is considered down (for readiness detail and gauges). */
  get down(): boolean {
    return this.until !== 0;
  }

  failed(): void {
    if (this.until === 0) this.options.onChange?.(true);
    this.until = Date.now() + this.options.pauseMs;
  }

  answered(): void {
    if (this.until !== 0) this.options.onChange?.(false);
    this.until = 0;
  }
}
