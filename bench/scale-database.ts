/**
 * Issue 16's scale benchmark, database half: N `database` tenants placed over two embedded
 * PostgreSQL servers (DATABASE_SERVERS), optionally each behind its own PgBouncer in transaction
 * mode (Debian's, as CI runs it), under Zipf traffic. With `tenantDatabasesDirect` (the
 * `--tenant-databases-direct` flag) the platform still goes through PgBouncer and the database
 * tenants' own connections go straight to their server (TENANT_DATABASES_DIRECT), under Zipf traffic: a saturated run, then a paced sweep whose
 * goal row is 200 req/s with p95 < 50 ms. Before measuring, the servers settle (CHECKPOINT, and
 * autovacuum's first visit to every new database is waited for, up to a cap), because a bench
 * that measures autovacuum's catch-up measures the seeding, not the traffic.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.js';
import { startBenchInstance } from './bench-instance.js';
import { untilAutovacuumQuiet } from './autovacuum-quiet.js';
import { baselineRoutes } from './baseline-route.js';
import { measureZipf, seedZipfTenants, type ZipfOptions, type ZipfSummary } from './database-tenants.js';
import { LoadClient } from './load-client.js';
import { measureZipfPaced, type ZipfPacedRow } from './zipf-paced.js';

const run = promisify(execFile);

export interface DatabaseHalfOptions {
  tenants: number;
  pgbouncer: boolean;
  /** With PgBouncer: TENANT_DATABASES_DIRECT=true (only the platform and pool/schema traffic pooled). */
  tenantDatabasesDirect: boolean;
  rates: number[];
  seconds: number;
  settleCapSeconds: number;
  log: (line: string) => void;
}

export interface DatabaseHalfResult {
  tenants: number;
  pgbouncer: boolean;
  tenantDatabasesDirect: boolean;
  /** Most client backends seen at once on each server (pg_stat_activity), saturated run and paced sweep. */
  peakBackends: { saturated: number[]; paced: number[] };
  placements: Record<string, number>;
  seedSeconds: number;
  settleSeconds: number;
  settledFully: boolean;
  saturated: ZipfSummary;
  paced: ZipfPacedRow[];
  cap: number;
  postgresVersion: string;
}

interface Bouncer {
  url: string;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('../scripts/start-pgbouncer.sh', import.meta.url));

/** PgBouncer in front of `server` with the server's own superuser password (scripts/start-pgbouncer.sh). */
async function startBouncer(server: EmbeddedServer): Promise<Bouncer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tenantbase-bouncer-'));
  const password = decodeURIComponent(new URL(server.adminUrl).password);
  const { stdout } = await run(script, [dir, '127.0.0.1', String(server.port)], {
    // As deploy/pgbouncer/pgbouncer.ini: every tenant is a pool of its own (database and role), so
    // idle server connections add up per tenant touched; 30 s exhausted max_connections while
    // seeding 8 tenants at a time.
    env: {
      ...process.env,
      PGBOUNCER_AUTH_PASSWORD: password,
      PGBOUNCER_SETTINGS: 'server_idle_timeout = 10',
    },
  });
  const port = Number(stdout.trim());
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    async stop() {
      const pid = Number((await readFile(path.join(dir, 'pgbouncer.pid'), 'utf8').catch(() => '')).trim());
      if (pid) process.kill(pid, 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Samples every 500 ms the client backends of each server (PgBouncer's server connections and the
 * app's direct ones alike) until stopped; resolves to the most seen at once, per server.
 */
function sampleBackends(pools: pg.Pool[]): () => Promise<number[]> {
  const peaks = pools.map(() => 0);
  let pending = Promise.resolve();
  const take = () => {
    pending = Promise.all(
      pools.map(async (pool, i) => {
        const { rows } = await pool.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where backend_type = 'client backend'`,
        );
        peaks[i] = Math.max(peaks[i]!, rows[0]!.n);
      }),
    ).then(
      () => undefined,
      () => undefined,
    );
  };
  take();
  const timer = setInterval(take, 500);
  return async () => {
    clearInterval(timer);
    await pending;
    return peaks;
  };
}

async function startServer(log: (line: string) => void): Promise<{ server: EmbeddedServer; dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tenantbase-scale-db-'));
  log(`starting embedded PostgreSQL in ${dir}`);
  return { server: await startEmbeddedPostgres(dir, { persistent: false }), dir };
}

export async function runDatabaseHalf(options: DatabaseHalfOptions): Promise<DatabaseHalfResult> {
  const { log } = options;
  const started: { server: EmbeddedServer; dir: string }[] = [];
  const bouncers: Bouncer[] = [];
  try {
    started.push(await startServer(log), await startServer(log));
    const [first, second] = started.map((s) => s.server) as [EmbeddedServer, EmbeddedServer];
    if (options.pgbouncer) {
      bouncers.push(await startBouncer(first), await startBouncer(second));
      log(
        `PgBouncer (transaction mode) in front of each server: ${bouncers.map((b) => new URL(b.url).port).join(', ')}`,
      );
    }
    // Tenant databases reached directly: the app's cap is the whole budget of their backends.
    const tenantsDirect = !options.pgbouncer || options.tenantDatabasesDirect;
    const instance = await startBenchInstance({
      // Per server; the embedded clusters allow 400 connections, PgBouncer's idle ones included.
      connectionCap: tenantsDirect ? 300 : 150,
      provisioningConcurrency: 8,
      env: options.pgbouncer
        ? {
            // Provisioning and migrations (session advisory locks) go direct, as deployed.
            DATABASE_SERVERS: `second=${bouncers[1]!.url}`,
            DATABASE_SERVERS_DIRECT: `second=${second.adminUrl}`,
            TENANT_DATABASES_DIRECT: String(options.tenantDatabasesDirect),
          }
        : { DATABASE_SERVERS: `second=${second.adminUrl}` },
      extraRoutes: baselineRoutes(),
      log,
      server: {
        directUrl: first.adminUrl,
        ...(options.pgbouncer ? { pooledUrl: bouncers[0]!.url } : {}),
        throwaway: true,
      },
    });
    const load = LoadClient.start();
    try {
      const zipf: ZipfOptions = {
        tenants: options.tenants,
        deploymentsPerTenant: 25,
        seedConcurrency: 8,
        connections: 32,
        exponent: 1.0,
        warmupSeconds: 5,
        durationSeconds: options.seconds,
        sampleMs: 50,
        pacedRates: options.rates,
        pacedSeconds: options.seconds,
      };
      log(`seeding ${zipf.tenants} database tenants over two servers`);
      const seedStart = performance.now();
      const tenants = await seedZipfTenants(instance, zipf, log);
      const seedSeconds = (performance.now() - seedStart) / 1000;
      const { rows } = await instance.services.tenancy.adminPool.query<{ placement: string; n: string }>(
        `select placement, count(*) as n from platform.tenants where isolation = 'database' group by placement`,
      );
      const placements = Object.fromEntries(rows.map((r) => [r.placement, Number(r.n)]));
      log(`placed: ${JSON.stringify(placements)}; settling (checkpoint, autovacuum's first visits)`);
      const settleStart = performance.now();
      await instance.settle();
      const admins = [first, second].map(
        (server) => new pg.Pool({ connectionString: server.adminUrl, max: 1 }),
      );
      const settledFully = await untilAutovacuumQuiet(admins, options.settleCapSeconds).finally(() =>
        Promise.all(admins.map((pool) => pool.end())),
      );
      const settleSeconds = (performance.now() - settleStart) / 1000;
      log('measuring');
      const backendPools = [first, second].map(
        (server) => new pg.Pool({ connectionString: server.adminUrl, max: 1 }),
      );
      let stopBackends = sampleBackends(backendPools);
      const saturated = await measureZipf(instance, load, tenants, zipf, log);
      const saturatedBackends = await stopBackends();
      stopBackends = sampleBackends(backendPools);
      log(`  saturated ${saturated.rps.toFixed(0)} req/s, p95 ${saturated.latency.p95.toFixed(1)} ms`);
      // The cap is per server: the samples count both servers' connections.
      saturated.cap *= 2;
      const paced = (await measureZipfPaced(instance, load, tenants, zipf, log)).map((row) => ({
        ...row,
        cap: row.cap * 2,
      }));
      const pacedBackends = await stopBackends();
      await Promise.all(backendPools.map((pool) => pool.end()));
      return {
        tenants: tenants.length,
        pgbouncer: options.pgbouncer,
        tenantDatabasesDirect: options.pgbouncer && options.tenantDatabasesDirect,
        peakBackends: { saturated: saturatedBackends, paced: pacedBackends },
        placements,
        seedSeconds,
        settleSeconds,
        settledFully,
        saturated,
        paced,
        cap: instance.config.tenantDbConnectionCap,

        postgresVersion: instance.postgres.version,
      };
    } finally {
      await load.close().catch(() => undefined);
      await instance.destroy();
    }
  } finally {
    for (const bouncer of bouncers) await bouncer.stop().catch(() => undefined);
    for (const { server, dir } of started) {
      await server.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  }
}
