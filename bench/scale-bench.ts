/**
 * Issue 16's scale benchmark, schema half: `npm run bench:scale [-- --schema N] [--cap-minutes M]`.
 * Provisions up to N schema tenants (default 10,000) through createTenant and the provisioning
 * job, stopping early at the time cap; runs the isolation doctor over the whole fleet (issue 17:
 * "in seconds on 1,000 tenants"); restarts with one new tenant migration and times the fleet
 * migration, then the check with nothing pending; then touches every tenant's storage and reads
 * PostgreSQL's memory (backends and their proportional set size) before and after. Writes
 * bench/results/scale.md. Then the database half (bench/scale-database.ts, `--database N`,
 * default 1,000): N database tenants over two embedded servers, each behind PgBouncer, under Zipf
 * traffic; writes bench/results/scale-database.md. `--schema 0` or `--database 0` skips a half.
 * `--no-pgbouncer`: no PgBouncer at all; `--tenant-databases-direct`: PgBouncer for the platform,
 * the database tenants straight to their server (TENANT_DATABASES_DIRECT=true).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { TenantModule } from '../src/modules/module.js';
import { registeredModules } from '../src/modules/registered-modules.js';
import { createTenant } from '../src/modules/tenants/create-tenant.js';
import { startTenantbase } from '../src/server.js';
import { checkIsolation } from '../src/tenancy/doctor/check-isolation.js';
import {
  findBehind,
  migrateTenantStorages,
  runBounded,
} from '../src/tenancy/migrations/migrate-tenant-storages.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import { startBenchInstance } from './bench-instance.js';
import { renderDatabaseHalf } from './report-scale-database.js';
import { runDatabaseHalf } from './scale-database.js';
import { untilActive } from './until-active.js';
import { describeMachine } from './machine.js';

const { values: args } = parseArgs({
  options: {
    schema: { type: 'string', default: '10000' },
    'cap-minutes': { type: 'string', default: '20' },
    database: { type: 'string', default: '1000' },
    'no-pgbouncer': { type: 'boolean', default: false },
    // PgBouncer for the platform, database tenants straight to their server (TENANT_DATABASES_DIRECT).
    'tenant-databases-direct': { type: 'boolean', default: false },
  },
});
if (args['no-pgbouncer'] && args['tenant-databases-direct']) {
  console.error(
    '--tenant-databases-direct measures PgBouncer with database tenants direct: drop --no-pgbouncer',
  );
  process.exit(2);
}
const DATABASE_TENANTS = Number(args.database);
const WANTED = Number(args.schema);
const CAP_MS = Number(args['cap-minutes']) * 60_000;
const BATCH = 100;
const MIGRATE_CONCURRENCY = 4;
const log = (line: string) => console.error(`[scale] ${line}`);

const lateModule: TenantModule = {
  name: 'bench_scale_late',
  feature: null,
  tables: [],
  migrations: [
    {
      id: '0001_bench_scale_late',
      up: (s) =>
        `create table ${s}.bench_scale_notes (tenant_id text not null, id int not null, primary key (tenant_id, id));`,
    },
  ],
};

/** PostgreSQL's processes under `postmaster`: how many, and their proportional set size in MB. */
function postgresMemory(postmaster: number | undefined): { processes: number; pssMb: number } | undefined {
  if (postmaster === undefined) return undefined;
  let processes = 0;
  let pssKb = 0;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (pid !== postmaster && ppid !== postmaster) continue;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      pssKb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      processes += 1;
    } catch {
      // The process ended while being read.
    }
  }
  return { processes, pssMb: pssKb / 1024 };
}

if (WANTED > 0) {
  const instance = await startBenchInstance({
    connectionCap: 60,
    provisioningConcurrency: 8,
    env: {},
    extraRoutes: () => undefined,
    log,
  });
  const machine = describeMachine(`PostgreSQL ${instance.postgres.version} (${instance.postgres.source})`);
  let restarted: Awaited<ReturnType<typeof startTenantbase>> | undefined;
  try {
    const { tenancy } = instance.services;

    log(`provisioning up to ${WANTED.toLocaleString('en')} schema tenants (cap ${CAP_MS / 60_000} min)`);
    const started = performance.now();
    const ids: string[] = [];
    while (ids.length < WANTED && performance.now() - started < CAP_MS) {
      const batch = Array.from(
        { length: Math.min(BATCH, WANTED - ids.length) },
        (_, i) => `sc-${ids.length + i}`,
      );
      await Promise.all(
        batch.map((id) =>
          createTenant(tenancy, {
            id,
            name: id,
            tier: 'standard',
            isolation: 'schema',
            admin_email: `o@${id}.bench`,
          }),
        ),
      );
      await untilActive(tenancy, batch);
      ids.push(...batch);
      if (ids.length % 1000 === 0)
        log(`  ${ids.length} active after ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const provisionSeconds = (performance.now() - started) / 1000;
    log(`  ${ids.length} active in ${provisionSeconds.toFixed(0)} s`);

    log('isolation doctor over the fleet');
    const doctorRuns: number[] = [];
    let doctorChecks = 0;
    let doctorFailed: string[] = [];
    for (let run = 0; run < 2; run++) {
      const t = performance.now();
      const results = await checkIsolation(tenancy);
      doctorRuns.push((performance.now() - t) / 1000);
      doctorChecks = results.length;
      doctorFailed = results.filter((r) => r.status === 'fail').map((r) => r.name);
    }

    log('restarting with one new tenant migration');
    await instance.close();
    restarted = await startTenantbase(instance.config, {
      logger: false,
      protection: false,
      startWorker: false,
      modules: [...registeredModules, lateModule],
    });
    const fleet = restarted.services.tenancy;
    const t0 = performance.now();
    const behind = await findBehind(fleet);
    const findSeconds = (performance.now() - t0) / 1000;
    const migrate = async () => {
      const t = performance.now();
      const report = await migrateTenantStorages(fleet, { concurrency: MIGRATE_CONCURRENCY });
      if (report.failed.length)
        throw new Error(`migrate failed: ${JSON.stringify(report.failed.slice(0, 3))}`);
      return { storages: report.total, seconds: (performance.now() - t) / 1000 };
    };
    const migrated = await migrate();
    log(`  ${migrated.storages} storages migrated in ${migrated.seconds.toFixed(1)} s`);
    const idle = await migrate();
    log(`  nothing pending: ${idle.seconds.toFixed(2)} s`);

    log('touching every tenant once (one query in its storage), reading PostgreSQL memory');
    await fleet.adminPool.query('checkpoint');
    const before = postgresMemory(instance.postmasterPid);
    const touchStarted = performance.now();
    const records = await fleet.platformDb
      .selectFrom('platform.tenants')
      .select(['id', 'isolation', 'placement'])
      .where('id', 'in', ids.length > 0 ? ids : ['-'])
      .execute();
    let peak = before;
    let touched = 0;
    await runBounded(records, 8, async (record) => {
      await fleet.withTenant(
        { id: record.id as TenantId, isolation: 'schema', placement: record.placement },
        (scope) => scope.db.selectFrom('deployments').select('id').limit(1).execute(),
        'read',
      );
      if (++touched % 500 === 0) {
        const now = postgresMemory(instance.postmasterPid);
        if (now && (!peak || now.pssMb > peak.pssMb)) peak = now;
      }
    });
    const touchSeconds = (performance.now() - touchStarted) / 1000;
    const after = postgresMemory(instance.postmasterPid);
    const nodeRssMb = process.memoryUsage().rss / 1024 / 1024;

    machine.loadEnd = os.loadavg()[0]!;
    const mem = (m: { processes: number; pssMb: number } | undefined) =>
      m ? `${m.processes} processes, ${m.pssMb.toFixed(0)} MB` : 'not readable';
    const md = [
      `## Scale: ${ids.length.toLocaleString('en')} schema tenants`,
      '',
      `Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.postgres}, code ${machine.code}; load average ${machine.loadStart.toFixed(2)} → ${machine.loadEnd.toFixed(2)}.`,
      `Command: \`npx tsx bench/scale-bench.ts --schema ${WANTED} --cap-minutes ${CAP_MS / 60_000}\`.`,
      '',
      '| phase | result | goal |',
      '|---|---|---|',
      `| provisioning (createTenant + job, 8 workers) | ${ids.length.toLocaleString('en')} in ${provisionSeconds.toFixed(0)} s = ${(ids.length / provisionSeconds).toFixed(1)} tenants/s${ids.length < WANTED ? ` (time cap hit; ${WANTED.toLocaleString('en')} asked)` : ''} | — |`,
      `| isolation doctor, whole fleet (2 runs) | ${doctorRuns.map((s) => s.toFixed(1)).join(', ')} s; ${doctorChecks} checks, ${doctorFailed.length} failed${doctorFailed.length ? ` (${doctorFailed.slice(0, 3).join('; ')})` : ''} | seconds on 1,000 tenants |`,
      `| finding storages behind (findBehind) | ${behind.length.toLocaleString('en')} behind, ${findSeconds.toFixed(2)} s | — |`,
      `| fleet migration, one new migration (concurrency ${MIGRATE_CONCURRENCY}) | ${migrated.storages.toLocaleString('en')} storages in ${migrated.seconds.toFixed(1)} s | < 5 min |`,
      `| nothing pending | ${idle.seconds.toFixed(2)} s | < 1 s |`,
      `| touching every tenant (one read each, 8 at a time) | ${touchSeconds.toFixed(1)} s; PostgreSQL before: ${mem(before)}; peak seen: ${mem(peak)}; after: ${mem(after)}; Node RSS ${nodeRssMb.toFixed(0)} MB | bounded |`,
      '',
    ].join('\n');
    console.log(md);
    await mkdir(new URL('./results/', import.meta.url), { recursive: true });
    await writeFile(new URL('./results/scale.md', import.meta.url), md);
  } finally {
    await restarted?.close();
    await instance.destroy();
  }
}

if (DATABASE_TENANTS > 0) {
  const loadStart = os.loadavg()[0]!;
  const startedAt = new Date();
  const result = await runDatabaseHalf({
    tenants: DATABASE_TENANTS,
    pgbouncer: !args['no-pgbouncer'],
    tenantDatabasesDirect: Boolean(args['tenant-databases-direct']),
    rates: [100, 200],
    seconds: 30,
    settleCapSeconds: 180,
    log,
  });
  const md = renderDatabaseHalf(result, {
    command: `npx tsx bench/scale-bench.ts --schema 0 --database ${DATABASE_TENANTS}${args['no-pgbouncer'] ? ' --no-pgbouncer' : ''}${args['tenant-databases-direct'] ? ' --tenant-databases-direct' : ''}`,
    startedAt,
    loadStart,
    loadEnd: os.loadavg()[0]!,
  });
  console.log(md);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL('./results/scale-database.md', import.meta.url), md);
}
process.exit(0);
