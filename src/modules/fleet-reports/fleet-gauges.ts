import { Gauge } from 'prom-client';
import { sql } from 'kysely';
import type { Metrics } from '../../observability/metrics.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { effectiveLimits, TIERS, type TenantLimits } from '../../tenancy/tiers.js';
import './fleet-reports.tables.js';

/** A tenant at or above this share of a limit counts as near it. */
export const NEAR_QUOTA_RATIO = 0.8;
/** Scrapes within this long reuse the last reading: the readings come from the rollup anyway. */
const CACHE_MS = 15_000;

interface Reading {
  near: { storage_bytes: number; max_users: number };
  worst: { storage_bytes: number; max_users: number };
  oldestQueuedSeconds: number;
  rollupAgeSeconds: number;
}

async function read(tenancy: Tenancy): Promise<Reading> {
  const db = tenancy.platformDb;
  const tenants = await db
    .selectFrom('platform.tenants as t')
    .innerJoin('platform.tenant_reports as r', 'r.tenant_id', 't.id')
    .select(['t.tier', 't.limit_overrides', 'r.users', 'r.storage_bytes'])
    .where('t.status', 'in', ['active', 'suspended'])
    .execute();
  const reading: Reading = {
    near: { storage_bytes: 0, max_users: 0 },
    worst: { storage_bytes: 0, max_users: 0 },
    oldestQueuedSeconds: 0,
    rollupAgeSeconds: 0,
  };
  for (const tenant of tenants) {
    const tier = TIERS.find((known) => known === tenant.tier);
    if (!tier) continue;
    const limits = effectiveLimits(tier, (tenant.limit_overrides ?? {}) as Partial<TenantLimits>);
    for (const [key, used] of [
      ['storage_bytes', Number(tenant.storage_bytes)],
      ['max_users', tenant.users],
    ] as const) {
      const limit = limits[key];
      if (limit === null || limit <= 0) continue;
      const ratio = used / limit;
      if (ratio >= NEAR_QUOTA_RATIO) reading.near[key]++;
      reading.worst[key] = Math.max(reading.worst[key], ratio);
    }
  }
  const { rows } = await sql<{ oldest: number | null; rollup: number | null }>`
    select extract(epoch from now() - (select min(run_at) from platform.jobs
                                        where status = 'queued' and run_at <= now()))::float8 as oldest,
           extract(epoch from now() - (select as_of from platform.fleet_rollups))::float8 as rollup`.execute(
    db,
  );
  reading.oldestQueuedSeconds = Math.max(0, rows[0]?.oldest ?? 0);
  reading.rollupAgeSeconds = Math.max(0, rows[0]?.rollup ?? 0);
  return reading;
}

/**
 * Fleet-wide gauges for the alerting rules, read from the platform database at scrape time (at
 * most every 15 s): tenants near a quota and the highest usage ratio (no tenant label: the
 * report names them), the age of the oldest due job, and how old the last rollup is.
 */
export function registerFleetGauges(metrics: Metrics, tenancy: Tenancy): void {
  let cached: { at: number; reading: Promise<Reading> } | undefined;
  const current = () => {
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      const reading = read(tenancy);
      cached = { at: Date.now(), reading };
      reading.catch(() => (cached = undefined));
    }
    return cached.reading;
  };
  const gauge = (name: string, help: string, labelNames: string[], set: (g: Gauge, r: Reading) => void) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [metrics.registry],
      async collect() {
        const reading = await current().catch(() => undefined);
        this.reset();
        if (reading) set(this, reading);
      },
    });
  gauge(
    'tenantbase_tenants_near_quota',
    `Tenants using at least ${NEAR_QUOTA_RATIO * 100}% of a limit (storage_bytes, max_users), from the last rollup`,
    ['quota'],
    (g, r) => {
      for (const [quota, count] of Object.entries(r.near)) g.set({ quota }, count);
    },
  );
  gauge(
    'tenantbase_tenant_quota_used_ratio_max',
    'The highest share of a limit any tenant uses, from the last rollup',
    ['quota'],
    (g, r) => {
      for (const [quota, ratio] of Object.entries(r.worst)) g.set({ quota }, ratio);
    },
  );
  gauge(
    'tenantbase_jobs_oldest_queued_seconds',
    'Age of the oldest job due and not yet started',
    [],
    (g, r) => g.set(r.oldestQueuedSeconds),
  );
  gauge(
    'tenantbase_fleet_rollup_age_seconds',
    'Seconds since the fleet reports were last rolled up',
    [],
    (g, r) => g.set(r.rollupAgeSeconds),
  );
}
