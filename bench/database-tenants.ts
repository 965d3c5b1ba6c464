import type { BenchInstance } from './bench-instance.js';
import { cpuPerResponse, startCpuMeter } from './cpu-meter.js';
import type { CpuProfiler } from './cpu-profiler.js';
import { LIST_PATH } from './list-overhead.js';
import type { LoadClient } from './load-client.js';
import type { LoadJob } from './load-protocol.js';
import { type PostgresCpuByKind, sampleCpuByKind } from './postgres-cpu-by-kind.js';
import { type SeededTenant, seedTenants } from './seed-tenants.js';
import { type LatencySummary, summarize } from './stats.js';
import { sampleConnections, settledTenantSessions, tenantSessions } from './tenant-connections.js';

export interface ZipfOptions {
  tenants: number;
  deploymentsPerTenant: number;
  seedConcurrency: number;
  connections: number;
  exponent: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** How often the open tenant-database connections are sampled. */
  sampleMs: number;
  /** Offered req/s of the paced sweep after the saturated run (bench/zipf-paced.ts), and each run's length. */
  pacedRates: number[];
  pacedSeconds: number;
}

export interface ZipfSummary {
  tenants: number;
  exponent: number;
  connections: number;
  rps: number;
  latency: LatencySummary;
  /** Server CPU per response in ms (Node process; PostgreSQL when measurable). */
  cpu: { node: number; postgres: number | undefined };
  /** Where PostgreSQL's CPU went during the measured run, when its processes can be read. */
  postgresByKind: PostgresCpuByKind | undefined;
  responses: number;
  /** Non-2xx responses plus socket errors and timeouts. */
  failures: number;
  statuses: Record<string, number>;
  /** Highest `tenantDatabases.openConnections` seen while measuring, and the configured cap. */
  peakConnections: number;
  meanConnections: number;
  cap: number;
  peakPools: number;
  samples: number;
  /** Tenant-database sessions PostgreSQL saw start during the measured run (pg_stat_database). */
  sessionsOpened: number;
  tenantsHit: number;
  /** Share of requests that went to the busiest tenant and the ten busiest. */
  top1Share: number;
  top10Share: number;
}

/** `count` enterprise tenants in the database model, each with a few deployments, `concurrency` at a time. */
export async function seedZipfTenants(
  instance: BenchInstance,
  options: ZipfOptions,
  log: (line: string) => void,
): Promise<SeededTenant[]> {
  const width = String(options.tenants - 1).length;
  const started = performance.now();
  let reported = 0;
  return seedTenants(
    instance.services,
    Array.from({ length: options.tenants }, (_, i) => ({
      id: `zipf-${String(i).padStart(width, '0')}`,
      isolation: 'database' as const,
      deployments: options.deploymentsPerTenant,
    })),
    options.seedConcurrency,
    (done, total) => {
      const now = performance.now();
      if (done === total || now - reported > 5000) {
        reported = now;
        const seconds = (now - started) / 1000;
        log(
          `  database tenants: ${done}/${total} (${seconds.toFixed(0)} s, ${(done / seconds).toFixed(1)}/s)`,
        );
      }
    },
  );
}

/**
 * Scenario 2: requests spread over many `database` tenants by Zipf's law (rank 0 busiest),
 * measuring latency and the open tenant-database connections against the cap.
 */
export async function measureZipf(
  instance: BenchInstance,
  load: LoadClient,
  tenants: SeededTenant[],
  options: ZipfOptions,
  log: (line: string) => void,
  profiler?: CpuProfiler,
): Promise<ZipfSummary> {
  const job = (durationSeconds: number, seed: number): LoadJob => ({
    baseUrl: instance.baseUrl,
    connections: options.connections,
    durationSeconds,
    targets: tenants.map((tenant) => ({ path: LIST_PATH, token: tenant.token })),
    zipf: { exponent: options.exponent, seed },
  });
  log(`  warm-up (${options.warmupSeconds} s)`);
  await load.run(job(options.warmupSeconds, 1));

  log(`  measuring (${options.durationSeconds} s)`);
  const sessionsBefore = await tenantSessions(instance);
  await profiler?.start();
  const stopSampling = sampleConnections(instance, options.sampleMs);
  const meter = startCpuMeter(instance.postmasterPid);
  const byKind =
    instance.postmasterPid === undefined
      ? undefined
      : sampleCpuByKind(instance.postmasterPid, `${instance.config.namespace}_tenant_`);
  const result = await load.run(job(options.durationSeconds, 2));
  const spent = meter();
  const postgresByKind = byKind?.();
  const connections = stopSampling();
  await profiler?.stop('zipf-database');
  const sessionsOpened = (await settledTenantSessions(instance)) - sessionsBefore;

  const sent = result.sentByTarget ?? [];
  const totalSent = sent.reduce((n, c) => n + c, 0) || 1;
  const bySize = [...sent].sort((a, b) => b - a);
  return {
    tenants: tenants.length,
    exponent: options.exponent,
    connections: options.connections,
    rps: result.responses / result.seconds,
    latency: summarize([result.latencies]),
    cpu: cpuPerResponse([spent], [result]),
    postgresByKind,
    responses: result.responses,
    failures: result.non2xx + result.errors,
    statuses: result.statuses,
    peakConnections: connections.peak,
    meanConnections: connections.mean,
    cap: instance.config.tenantDbConnectionCap,
    peakPools: connections.peakPools,
    samples: connections.samples,
    sessionsOpened,
    tenantsHit: sent.filter((count) => count > 0).length,
    top1Share: (bySize[0] ?? 0) / totalSent,
    top10Share: bySize.slice(0, 10).reduce((n, c) => n + c, 0) / totalSent,
  };
}
