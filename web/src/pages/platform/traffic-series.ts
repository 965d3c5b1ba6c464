/** One tenant's totals in a /console/metrics sample. */
export interface TenantTraffic {
  tenant: string;
  requests: number;
  errors: number;
  server_errors: number;
  duration_seconds_sum: number;
  duration_count: number;
  duration_buckets: { le: number; count: number }[];
}

export interface TrafficSample {
  at: number;
  tenants: TenantTraffic[];
}

/** Chart rows: one per interval between two samples, one key per tenant. */
export type SeriesRow = { time: string } & Record<string, number | string | null>;

export interface TrafficSeries {
  tenants: string[];
  rate: SeriesRow[];
  latency: SeriesRow[];
  errors: SeriesRow[];
}

/** The latency under which 95 % of the interval's requests finished, from histogram deltas. */
function p95(now: TenantTraffic, before: TenantTraffic | undefined): number | null {
  const count = now.duration_count - (before?.duration_count ?? 0);
  if (count <= 0) return null;
  const target = count * 0.95;
  for (const bucket of now.duration_buckets) {
    const earlier = before?.duration_buckets.find((b) => b.le === bucket.le)?.count ?? 0;
    if (bucket.count - earlier >= target) return bucket.le * 1000;
  }
  const average = (now.duration_seconds_sum - (before?.duration_seconds_sum ?? 0)) / count;
  return average * 1000;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Rates over time from consecutive totals; the busiest `top` tenants get their own line. */
export function trafficSeries(samples: TrafficSample[], top = 6): TrafficSeries {
  const totals = new Map<string, number>();
  const last = samples[samples.length - 1];
  const first = samples[0];
  for (const t of last?.tenants ?? []) {
    const start = first?.tenants.find((f) => f.tenant === t.tenant)?.requests ?? 0;
    totals.set(t.tenant, t.requests - start);
  }
  const tenants = [...totals.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([tenant]) => tenant);
  const rate: SeriesRow[] = [];
  const latency: SeriesRow[] = [];
  const errors: SeriesRow[] = [];
  for (let i = 1; i < samples.length; i += 1) {
    const before = samples[i - 1]!;
    const now = samples[i]!;
    const seconds = Math.max(0.001, (now.at - before.at) / 1000);
    const time = clock.format(new Date(now.at));
    const rateRow: SeriesRow = { time };
    const latencyRow: SeriesRow = { time };
    const errorRow: SeriesRow = { time };
    for (const tenant of tenants) {
      const a = before.tenants.find((t) => t.tenant === tenant);
      const b = now.tenants.find((t) => t.tenant === tenant);
      if (!b) continue;
      rateRow[tenant] = Math.round(((b.requests - (a?.requests ?? 0)) / seconds) * 100) / 100;
      errorRow[tenant] = Math.round(((b.errors - (a?.errors ?? 0)) / seconds) * 100) / 100;
      const ms = p95(b, a);
      latencyRow[tenant] = ms === null ? null : Math.round(ms * 10) / 10;
    }
    rate.push(rateRow);
    latency.push(latencyRow);
    errors.push(errorRow);
  }
  return { tenants, rate, latency, errors };
}
