import type { BenchInstance } from './bench-instance.js';

/** Sessions ever started in this instance's tenant databases, as PostgreSQL's statistics count them. */
export async function tenantSessions(instance: BenchInstance): Promise<number> {
  const { rows } = await instance.services.tenancy.adminPool.query<{ n: string }>(
    `select pg_stat_clear_snapshot(), (select coalesce(sum(sessions), 0) from pg_stat_database where datname like $1) as n`,
    [`${instance.config.namespace}\\_tenant\\_%`],
  );
  return Number(rows[0]!.n);
}

/** Samples the open tenant-database connections and pools every `everyMs` until stopped. */
export function sampleConnections(instance: BenchInstance, everyMs: number) {
  const cache = instance.services.tenancy.tenantDatabases;
  let peak = cache.openConnections;
  let peakPools = cache.openPools;
  let sum = 0;
  let count = 0;
  const take = () => {
    const open = cache.openConnections;
    peak = Math.max(peak, open);
    peakPools = Math.max(peakPools, cache.openPools);
    sum += open;
    count += 1;
  };
  take();
  const timer = setInterval(take, everyMs);
  return () => {
    clearInterval(timer);
    take();
    return { peak, peakPools, mean: sum / count, samples: count };
  };
}

/** tenantSessions() once the sessions of a run that just ended have been counted. */
export async function settledTenantSessions(instance: BenchInstance): Promise<number> {
  // Backends report their session at their first transaction's end or exit; give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return tenantSessions(instance);
}
