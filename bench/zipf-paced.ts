/**
 * The Zipf scenario's paced sweep: the same tenants and traffic shape at fixed offered rates, so
 * the connection cap and the p95 goal are judged below saturation, where latency is not bounded
 * below by connections / throughput as it is in the closed loop.
 */
import type { BenchInstance } from './bench-instance.js';
import type { ZipfOptions } from './database-tenants.js';
import { LIST_PATH } from './list-overhead.js';
import type { LoadClient } from './load-client.js';
import type { SeededTenant } from './seed-tenants.js';
import { type LatencySummary, summarize } from './stats.js';
import { sampleConnections, settledTenantSessions, tenantSessions } from './tenant-connections.js';

/** One offered rate of the sweep. */
export interface ZipfPacedRow {
  offered: number;
  achieved: number;
  seconds: number;
  latency: LatencySummary;
  responses: number;
  /** Non-2xx responses plus socket errors and timeouts. */
  failures: number;
  statuses: Record<string, number>;
  peakConnections: number;
  meanConnections: number;
  cap: number;
  /** Tenant-database sessions PostgreSQL saw start during the run (pg_stat_database). */
  sessionsOpened: number;
}

/** Each of `options.pacedRates` in turn for `options.pacedSeconds`, on tenants warmed by the saturated run. */
export async function measureZipfPaced(
  instance: BenchInstance,
  load: LoadClient,
  tenants: SeededTenant[],
  options: ZipfOptions,
  log: (line: string) => void,
): Promise<ZipfPacedRow[]> {
  const targets = tenants.map((tenant) => ({ path: LIST_PATH, token: tenant.token }));
  const rows: ZipfPacedRow[] = [];
  for (const [i, rate] of options.pacedRates.entries()) {
    const sessionsBefore = await tenantSessions(instance);
    const stopSampling = sampleConnections(instance, options.sampleMs);
    const result = await load.run({
      baseUrl: instance.baseUrl,
      connections: options.connections,
      durationSeconds: options.pacedSeconds,
      targets,
      zipf: { exponent: options.exponent, seed: 10 + i },
      rate,
    });
    const connections = stopSampling();
    const sessionsOpened = (await settledTenantSessions(instance)) - sessionsBefore;
    const latency = summarize([result.latencies]);
    const achieved = result.responses / result.seconds;
    log(
      `  paced ${achieved.toFixed(0)} of ${rate} req/s, p95 ${latency.p95.toFixed(1)} ms, peak ${connections.peak} connections`,
    );
    rows.push({
      offered: rate,
      achieved,
      seconds: result.seconds,
      latency,
      responses: result.responses,
      failures: result.non2xx + result.errors,
      statuses: result.statuses,
      peakConnections: connections.peak,
      meanConnections: connections.mean,
      cap: instance.config.tenantDbConnectionCap,
      sessionsOpened,
    });
  }
  return rows;
}
