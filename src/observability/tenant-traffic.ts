/**
 * Upper bounds (ms) of the per-tenant latency buckets; one more bucket counts everything slower.
 * Fixed, so hourly rows of every process add up bucket by bucket and a p95 can be read back.
 */
export const LATENCY_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

/** One tenant's traffic in one hour, as one process saw it since its last flush. */
export interface TrafficCell {
  tenantId: string;
  hour: Date;
  requests: number;
  errors: number;
  serverErrors: number;
  /** `LATENCY_BOUNDS_MS.length + 1` counts, the last for everything slower than the last bound. */
  buckets: number[];
  lastAt: Date;
}

const HOUR_MS = 3_600_000;

function bucketOf(ms: number): number {
  const index = LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return index === -1 ? LATENCY_BOUNDS_MS.length : index;
}

/**
 * Per-tenant request, error and latency counts kept in this process's memory (a few numbers per
 * tenant and hour: no metric label, no database write per request) until a flush takes them.
 * Kept apart from the Prometheus labels, which fold tenants beyond the first few into `other`.
 */
export class TenantTraffic {
  private cells = new Map<string, TrafficCell>();

  record(tenantId: string, status: number, elapsedMs: number, now = Date.now()): void {
    const hour = now - (now % HOUR_MS);
    const key = `${tenantId}\u0000${hour}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {
        tenantId,
        hour: new Date(hour),
        requests: 0,
        errors: 0,
        serverErrors: 0,
        buckets: new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0),
        lastAt: new Date(now),
      };
      this.cells.set(key, cell);
    }
    cell.requests++;
    if (status >= 400) cell.errors++;
    if (status >= 500) cell.serverErrors++;
    cell.buckets[bucketOf(elapsedMs)]!++;
    if (now > cell.lastAt.getTime()) cell.lastAt = new Date(now);
  }

  /** Takes every cell recorded so far; the recorder starts again empty. */
  drain(): TrafficCell[] {
    const cells = [...this.cells.values()];
    this.cells = new Map();
    return cells;
  }

  /** Puts back cells a failed flush could not write, adding to what was recorded meanwhile. */
  restore(cells: TrafficCell[]): void {
    for (const old of cells) {
      const key = `${old.tenantId}\u0000${old.hour.getTime()}`;
      const cell = this.cells.get(key);
      if (!cell) {
        this.cells.set(key, old);
        continue;
      }
      cell.requests += old.requests;
      cell.errors += old.errors;
      cell.serverErrors += old.serverErrors;
      old.buckets.forEach((count, i) => (cell.buckets[i]! += count));
      if (old.lastAt > cell.lastAt) cell.lastAt = old.lastAt;
    }
  }

  get size(): number {
    return this.cells.size;
  }
}

/**
 * The 95th percentile (ms) of a bucketed latency count, interpolated linearly inside its bucket as
 * Prometheus' histogram_quantile does; a p95 in the overflow bucket reads as the last bound. Null
 * without requests.
 */
export function p95FromBuckets(buckets: readonly number[], quantile = 0.95): number | null {
  const total = buckets.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = quantile * total;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    const count = buckets[i]!;
    if (seen + count >= rank && count > 0) {
      if (i >= LATENCY_BOUNDS_MS.length) return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!;
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      const upper = LATENCY_BOUNDS_MS[i]!;
      return Math.round(lower + ((upper - lower) * (rank - seen)) / count);
    }
    seen += count;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!;
}
