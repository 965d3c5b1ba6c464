import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { TenantTraffic } from '../../observability/tenant-traffic.js';
import './fleet-reports.tables.js';

/** Rows per insert statement: well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;

/**
 * Adds what this process counted since the last flush to the shared hourly rows (one upsert per
 * thousand tenant-hours). What cannot be written goes back into the recorder for the next try.
 */
export async function flushTenantTraffic(
  db: Kysely<PlatformDatabase>,
  traffic: TenantTraffic,
): Promise<number> {
  const cells = traffic.drain();
  let written = 0;
  try {
    for (let from = 0; from < cells.length; from += CHUNK) {
      const chunk = cells.slice(from, from + CHUNK);
      await db
        .insertInto('platform.tenant_traffic_hourly')
        .values(
          chunk.map((cell) => ({
            tenant_id: cell.tenantId,
            hour: cell.hour,
            requests: cell.requests,
            errors: cell.errors,
            server_errors: cell.serverErrors,
            latency_buckets: cell.buckets,
            last_request_at: cell.lastAt,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'hour']).doUpdateSet({
            requests: sql`platform.tenant_traffic_hourly.requests + excluded.requests`,
            errors: sql`platform.tenant_traffic_hourly.errors + excluded.errors`,
            server_errors: sql`platform.tenant_traffic_hourly.server_errors + excluded.server_errors`,
            latency_buckets: sql`array(select coalesce(a, 0) + coalesce(b, 0)
              from unnest(platform.tenant_traffic_hourly.latency_buckets, excluded.latency_buckets) as u(a, b))`,
            last_request_at: sql`greatest(platform.tenant_traffic_hourly.last_request_at, excluded.last_request_at)`,
          }),
        )
        .execute();
      written += chunk.length;
    }
  } catch (error) {
    traffic.restore(cells.slice(written));
    throw error;
  }
  return cells.length;
}

/** Flushes every `everyMs` until stopped; `stop` flushes a last time (a process shutting down). */
export function startTrafficFlush(
  db: Kysely<PlatformDatabase>,
  traffic: TenantTraffic,
  options: { everyMs: number; onError: (error: unknown) => void },
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const flush = () => {
    if (traffic.size === 0) return;
    running = running.then(() => flushTenantTraffic(db, traffic)).catch(options.onError);
  };
  const timer = setInterval(flush, options.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      flush();
      await running;
    },
  };
}
