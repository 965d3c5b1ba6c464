import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { TenantTraffic } from '../../observability/tenant-traffic.js';
import { BUCKET_COLUMNS } from './fleet-reports.tables.js';

/** Rows per statement (each column is one array parameter, so any size fits; this bounds memory). */
const CHUNK = 1000;
const columns = sql.raw(BUCKET_COLUMNS.join(', '));

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
      const buckets = BUCKET_COLUMNS.map((_, i) => chunk.map((cell) => cell.buckets[i] ?? 0));
      await sql`
        insert into platform.tenant_traffic_hourly as t
               (tenant_id, hour, requests, errors, server_errors, last_request_at, ${columns})
        select * from unnest(
          ${chunk.map((c) => c.tenantId)}::text[], ${chunk.map((c) => c.hour)}::timestamptz[],
          ${chunk.map((c) => c.requests)}::bigint[], ${chunk.map((c) => c.errors)}::bigint[],
          ${chunk.map((c) => c.serverErrors)}::bigint[], ${chunk.map((c) => c.lastAt)}::timestamptz[],
          ${sql.join(buckets.map((counts) => sql`${counts}::bigint[]`))})
        on conflict (tenant_id, hour) do update set
          requests = t.requests + excluded.requests, errors = t.errors + excluded.errors,
          server_errors = t.server_errors + excluded.server_errors,
          last_request_at = greatest(t.last_request_at, excluded.last_request_at),
          ${sql.raw(BUCKET_COLUMNS.map((c) => `${c} = t.${c} + excluded.${c}`).join(', '))}`.execute(db);
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
