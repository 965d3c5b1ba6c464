/**
 * `npm run bench [-- --quick] [--only list|zipf|writes|entries] [--rows N] [--profile] [--tenants N] [--duration S] [--rounds N]
 *   [--rate N] [--zipf-rates N,N,...] [--cap N] [--env NAME=VALUE ...]`
 *
 * Starts a throwaway Tenantbase on 127.0.0.1 (DATABASE_URL's server, else an embedded
 * PostgreSQL), measures tenancy overhead on the deployments list and many `database` tenants
 * under Zipf traffic, prints a markdown report and writes it to bench/results/latest.md.
 * The writes scenario (issue 12) runs on an instance of its own with protection on: creates with
 * and without the audit write, side by side, per model.
 * Each scenario runs saturated (closed loop) first, then at fixed offered rates (open loop), where
 * latency is not bounded below by connections / throughput. `--rate` is the list's offered req/s
 * (default: half the baseline's saturated req/s), `--zipf-rates` the Zipf sweep's (default
 * 100,200,400; quick 100,200).
 * `--profile` also writes CPU profiles of the server (the profiler slows the profiled runs).
 * `--env` passes configuration to the instance, e.g. `--env TENANT_DB_POOL_MAX=10`.
 * `--only entries` (issue 14, bench/entries-bench.ts) runs alone (`--creates-only`: its creates alone): `--rows` entries and deployments per
 * model (default 100,000; quick 20,000), filtered lists side by side, then creates with validation;
 * it writes bench/results/entries-latest.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { baselineRoutes } from './baseline-route.js';
import { startBenchInstance } from './bench-instance.js';
import { CpuProfiler } from './cpu-profiler.js';
import { untilAutovacuumQuiet } from './autovacuum-quiet.js';
import { measureZipf, seedZipfTenants, type ZipfOptions } from './database-tenants.js';
import { type ListOverheadOptions, measureListOverhead, seedListTenants } from './list-overhead.js';
import { defaultPacedRate, measurePacedList } from './list-paced.js';
import { measurePreambleAb } from './preamble-ab.js';
import { LoadClient } from './load-client.js';
import { measureEntries, renderEntries } from './entries-bench.js';
import { describeMachine } from './machine.js';
import { type BenchReport, renderReport } from './report.js';
import { noAuditRoutes } from './no-audit-route.js';
import { measureWrites, seedWriteTenants, type WritesOptions } from './writes-bench.js';
import { measureZipfPaced } from './zipf-paced.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    tenants: { type: 'string' },
    duration: { type: 'string' },
    rounds: { type: 'string' },
    rate: { type: 'string' },
    'zipf-rates': { type: 'string' },
    cap: { type: 'string' },
    env: { type: 'string', multiple: true, default: [] },
    rows: { type: 'string' },
    'creates-only': { type: 'boolean', default: false },
  },
});

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name}: expected a whole number of at least 1`);
  return value;
}

if (args.only !== undefined && !['list', 'zipf', 'writes', 'entries'].includes(args.only))
  throw new Error('--only: expected list, zipf, writes or entries');
const quick = args.quick;
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const roundSeconds = positive('duration', args.duration, quick ? 3 : 10);
const list: ListOverheadOptions = {
  deployments: 1000,
  connections: 32,
  warmupSeconds: quick ? 1 : 3,
  durationSeconds: roundSeconds,
  rounds: positive('rounds', args.rounds, quick ? 2 : 3),
  // As long as a saturated round, except in quick mode, which keeps the whole run near a minute and a half.
  pacedSeconds: quick && args.duration === undefined ? 2 : roundSeconds,
  ...(args.rate === undefined ? {} : { rate: positive('rate', args.rate, 0) }),
};
const zipf: ZipfOptions = {
  tenants: positive('tenants', args.tenants, quick ? 50 : 500),
  deploymentsPerTenant: 25,
  seedConcurrency: 4,
  connections: 32,
  exponent: 1.0,
  warmupSeconds: quick ? 2 : 5,
  durationSeconds: quick ? 5 : 30,
  sampleMs: 50,
  pacedRates: (args['zipf-rates'] ?? (quick ? '100,200' : '100,200,400'))
    .split(',')
    .map((rate) => positive('zipf-rates', rate.trim(), 0)),
  pacedSeconds: quick ? 2 : 30,
};
const writes: WritesOptions = {
  connections: 16,
  warmupSeconds: quick ? 1 : 2,
  durationSeconds: quick ? 2 : roundSeconds,
  rounds: positive('rounds', args.rounds, quick ? 1 : 3),
  pacedRate: 500,
  pacedSeconds: quick ? 2 : roundSeconds,
  spreadTenants: 8,
  spreadModels: quick ? ['pool'] : ['pool', 'schema', 'database'],
};
const connectionCap = args.cap === undefined ? undefined : positive('cap', args.cap, 1);
const env = Object.fromEntries(
  args.env.map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Error(`--env: expected NAME=VALUE, got "${pair}"`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
  }),
);

const log = (line: string) => console.error(line);
const started = performance.now();
const startedAt = new Date();
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;

if (args.only === 'entries') {
  const rows = positive('rows', args.rows, quick ? 20_000 : 100_000);
  log(`tenantbase bench entries: ${rows} rows per model`);
  const instance = await startBenchInstance({
    connectionCap,
    provisioningConcurrency: 1,
    env,
    extraRoutes: () => {},
    log,
  });
  const load = LoadClient.start();
  try {
    const loadStart = os.loadavg()[0]!;
    const summary = await measureEntries(
      instance,
      load,
      {
        rows,
        connections: 32,
        warmupSeconds: quick ? 1 : 3,
        durationSeconds: roundSeconds,
        rounds: positive('rounds', args.rounds, quick ? 1 : 3),
        pacedSeconds: quick ? 3 : roundSeconds,
        createSeconds: quick ? 4 : roundSeconds,
        createRounds: positive('rounds', args.rounds, 3),
        createsOnly: args['creates-only'],
        profiler: args.profile ? new CpuProfiler(resultsDir) : undefined,
      },
      log,
    );
    const markdown = `${renderEntries(summary)}\n\nPostgreSQL ${instance.postgres.version} (${instance.postgres.source}); ${os.cpus().length} CPUs; load average ${loadStart.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end; \`${command}\`, ${startedAt.toISOString()}.\n`;
    console.log(`\n${markdown}`);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(path.join(resultsDir, 'entries-latest.md'), markdown);
  } finally {
    await load.close().catch(() => undefined);
    await instance.destroy();
  }
  process.exit(0);
}

let machine: ReturnType<typeof describeMachine> | undefined;
let report: BenchReport | undefined;
if (args.only !== 'writes') {
  log(`tenantbase bench (${quick ? 'quick' : 'full'}): starting a throwaway instance`);
  const instance = await startBenchInstance({
    connectionCap,
    provisioningConcurrency: zipf.seedConcurrency,
    env,
    extraRoutes: baselineRoutes(),
    log,
  });
  const load = LoadClient.start();
  const profiler = args.profile ? new CpuProfiler(resultsDir) : undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      profiler?.close();
      await load.close().catch(() => undefined);
      await instance.destroy();
    })());
  process.once('SIGINT', () => {
    log('interrupted: dropping the bench databases');
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    machine = describeMachine(instance.postgres.version);
    log(
      `listening on ${instance.baseUrl}; PostgreSQL ${machine.postgres} (${instance.postgres.source}); load ${machine.loadStart.toFixed(2)}`,
    );
    report = {
      command,
      mode: quick ? 'quick' : 'full',
      startedAt,
      seconds: 0,
      machine,
      postgresSource: instance.postgres.source,
      poolMax: instance.config.poolMax,
      tenantDbPoolMax: instance.config.tenantDbPoolMax,
      enterpriseConcurrency: instance.config.tenantConcurrency.enterprise,
    };

    if (args.only !== 'zipf') {
      log('1. tenancy overhead on GET /api/v1/deployments');
      const tenants = await seedListTenants(instance, list.deployments, log);
      await instance.settle();
      const targets = await measureListOverhead(instance, load, tenants, list, log, profiler);
      const rate = list.rate ?? defaultPacedRate(targets);
      log(`  paced phase at ${rate} req/s (${list.rounds} × ${list.pacedSeconds} s per target)`);
      report.list = {
        options: list,
        targets,
        paced: {
          rate,
          fromFlag: list.rate !== undefined,
          seconds: list.pacedSeconds,
          rounds: list.rounds,
          connections: list.connections,
          targets: await measurePacedList(instance, load, tenants, list, rate, log),
        },
      };
      log('  read preamble A/B: prepared once per connection vs unnamed with each statement (PgBouncer)');
      report.preamble = await measurePreambleAb(instance, load, tenants, list, log);
    }
    if (args.only !== 'list') {
      log(
        `2. ${zipf.tenants} database tenants under Zipf traffic (cap ${instance.config.tenantDbConnectionCap})`,
      );
      const seedStart = performance.now();
      const tenants = await seedZipfTenants(instance, zipf, log);
      await instance.settle();
      const seedSeconds = (performance.now() - seedStart) / 1000;
      const settleStart = performance.now();
      const quiet = await untilAutovacuumQuiet([instance.services.tenancy.adminPool], quick ? 20 : 180);
      log(
        `  autovacuum ${quiet ? 'quiet' : 'still visiting at the cap'} after ${((performance.now() - settleStart) / 1000).toFixed(0)} s`,
      );
      const summary = await measureZipf(instance, load, tenants, zipf, log, profiler);
      log(`  paced sweep at ${zipf.pacedRates.join(', ')} req/s (${zipf.pacedSeconds} s each)`);
      report.zipf = {
        seedSeconds,
        summary,
        warmupSeconds: zipf.warmupSeconds,
        durationSeconds: zipf.durationSeconds,
        sampleMs: zipf.sampleMs,
        paced: await measureZipfPaced(instance, load, tenants, zipf, log),
      };
    }
  } finally {
    await cleanUp();
  }
}
if (args.only === undefined || args.only === 'writes') {
  log('3. write throughput per tenant: creates with and without the audit write (protection on)');
  const writer = await startBenchInstance({
    connectionCap,
    provisioningConcurrency: 4,
    env,
    extraRoutes: noAuditRoutes(),
    log,
    protection: true,
  });
  const load = LoadClient.start();
  try {
    machine ??= describeMachine(writer.postgres.version);
    report ??= {
      command,
      mode: quick ? 'quick' : 'full',
      startedAt,
      seconds: 0,
      machine,
      postgresSource: writer.postgres.source,
      poolMax: writer.config.poolMax,
      tenantDbPoolMax: writer.config.tenantDbPoolMax,
      enterpriseConcurrency: writer.config.tenantConcurrency.enterprise,
    };
    const tenants = await seedWriteTenants(writer, writes, log);
    await writer.settle();
    report.writes = await measureWrites(writer, load, tenants, writes, log);
  } finally {
    await load.close().catch(() => undefined);
    await writer.destroy();
  }
}
machine!.loadEnd = os.loadavg()[0]!;
report!.seconds = (performance.now() - started) / 1000;
const markdown = renderReport(report!);
console.log(`\n${markdown}`);
await mkdir(resultsDir, { recursive: true });
await writeFile(path.join(resultsDir, 'latest.md'), markdown);
log(`written to ${path.relative(process.cwd(), path.join(resultsDir, 'latest.md'))}`);
if (args.profile)
  log(`CPU profiles of the first round's runs: ${path.relative(process.cwd(), resultsDir)}/*.cpuprofile`);
