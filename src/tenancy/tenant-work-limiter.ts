import { AppError } from '../errors.js';

interface Lane {
  running: number;
  waiting: Array<() => void>;
}

/**
 * Caps how much database work one tenant runs at once, so a tenant flooding slow queries holds
 * only its share of connections and everyone else keeps theirs. Excess work queues briefly per
 * tenant; a queue that is too long or too slow answers 503 instead of piling up.
 */
export class TenantWorkLimiter {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly options: { maxQueue: number; maxWaitMs: number }) {}

  async run<T>(tenantId: string, limit: number, work: () => Promise<T>): Promise<T> {
    let lane = this.lanes.get(tenantId);
    if (!lane) {
      lane = { running: 0, waiting: [] };
      this.lanes.set(tenantId, lane);
    }
    // A released slot passes straight to the next waiter, so newcomers cannot jump the queue.
    if (lane.running >= limit) await this.wait(lane);
    else lane.running += 1;
    try {
      return await work();
    } finally {
      const next = lane.waiting.shift();
      if (next) next();
      else if (--lane.running === 0) this.lanes.delete(tenantId);
    }
  }

  private wait(lane: Lane): Promise<void> {
    if (lane.waiting.length >= this.options.maxQueue) {
      throw new AppError('UNAVAILABLE', 'Too much work is queued for this tenant; retry shortly', {
        headers: { 'Retry-After': '1' },
      });
    }
    return new Promise<void>((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = lane.waiting.indexOf(wake);
        if (index >= 0) lane.waiting.splice(index, 1);
        reject(
          new AppError('UNAVAILABLE', 'This tenant is busy; retry shortly', {
            headers: { 'Retry-After': '1' },
          }),
        );
      }, this.options.maxWaitMs);
      lane.waiting.push(wake);
    });
  }
}
