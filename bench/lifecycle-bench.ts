/**
 * Issue 4 (login) + issue 5: login throughput, time to `active` per isolation model, and
 * `migrate --tenants` with one new migration and with nothing pending.
 * `npm run bench:lifecycle [-- --quick]`; writes bench/results/lifecycle.md.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { TenantModule } from '../src/modules/module.js';
import { registeredModules } from '../src/modules/registered-modules.js';
import { createTenant } from '../src/modules/tenants/create-tenant.js';
import { startTenantbase } from '../src/server.js';
import { findBehind, migrateTenantStorages } from '../src/tenancy/migrations/migrate-tenant-storages.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { startBenchInstance } from './bench-instance.js';
import { untilActive } from './until-active.js';
import { describeMachine } from './machine.js';
import { runRequestLoad } from './request-load.js';
import { summarize } from './stats.js';

const quick = process.argv.includes('--quick');
const P = quick
  ? { loginSeconds: 10, users: 20, schemaTenants: 50, databaseTenants: 10 }
  : { loginSeconds: 20, users: 20, schemaTenants: 1000, databaseTenants: 200 };
const MIGRATE_CONCURRENCY = 4;
const PASSWORD = 'bench-password-123';
const log = (line: string) => console.error(`[lifecycle] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const lateModule: TenantModule = {
  name: 'bench_late',
  feature: null,
  tables: [],
  migrations: [
    {
      id: '0001_bench_late',
      up: (s) =>
        `create table ${s}.bench_late_notes (tenant_id text not null, id int not null, primary key (tenant_id, id));`,
    },
  ],
};

async function main() {
  const instance = await startBenchInstance({
    connectionCap: 60,
    provisioningConcurrency: quick ? 4 : 8,
    env: {},
    extraRoutes: () => undefined,
    log,
  });
  const machine = describeMachine(`PostgreSQL ${instance.postgres.version} (${instance.postgres.source})`);
  let restarted: Awaited<ReturnType<typeof startTenantbase>> | undefined;
  try {
    const { services, baseUrl } = instance;
    const { tenancy } = services;
    const createMany = async (ids: string[], isolation: Isolation, password?: string) => {
      for (let i = 0; i < ids.length; i += 50)
        await Promise.all(
          ids.slice(i, i + 50).map((id) =>
            createTenant(tenancy, {
              id,
              name: id,
              tier: 'enterprise',
              isolation,
              admin_email: `owner@${id}.bench`,
              ...(password ? { admin_password: password } : {}),
            }),
          ),
        );
      await untilActive(tenancy, ids);
    };

    log(`(a) login: ${P.users} users in ${P.users} pool tenants`);
    const loginIds = Array.from({ length: P.users }, (_, i) => `login-${i}`);
    await createMany(loginIds, 'pool', PASSWORD);
    const shapes = loginIds.map((id) => ({
      method: 'POST' as const,
      path: '/api/v1/auth/login',
      body: { email: `owner@${id}.bench`, password: PASSWORD, tenant_id: id },
    }));
    const probe = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(shapes[0]!.body),
    });
    if (probe.status !== 200) throw new Error(`login probe ${probe.status}: ${await probe.text()}`);
    await runRequestLoad({ baseUrl, connections: 4, durationSeconds: 2, shapes }); // warm-up
    const logins = await runRequestLoad({ baseUrl, connections: 8, durationSeconds: P.loginSeconds, shapes });
    const sLogin = summarize([logins.latencies]);

    log('(b) time to active per model, via the API');
    const admin = await services.tokens.issue({
      kind: 'platform_admin',
      id: randomUUID(),
      tenantId: null,
      roles: ['platform_admin'],
    });
    const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const toActive: Record<string, number[]> = {};
    for (const isolation of ['pool', 'schema', 'database'] as const) {
      toActive[isolation] = [];
      for (let i = 0; i < 5; i++) {
        const id = `ta-${isolation}-${i}`;
        const started = performance.now();
        const created = await fetch(`${baseUrl}/api/v1/tenants`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ id, name: id, tier: 'enterprise', isolation, admin_email: `o@${id}.bench` }),
        });
        if (created.status !== 202 && created.status !== 201)
          throw new Error(`create ${id}: ${created.status} ${await created.text()}`);
        for (;;) {
          const got = await fetch(`${baseUrl}/api/v1/tenants/${id}`, { headers });
          const body = (await got.json()) as { data?: { status?: string } };
          if (body.data?.status === 'active') break;
          if (body.data?.status !== 'provisioning') throw new Error(`${id}: ${JSON.stringify(body)}`);
          if (performance.now() - started > 60_000) throw new Error(`${id}: not active after 60 s`);
          await sleep(10);
        }
        toActive[isolation].push(performance.now() - started);
      }
    }

    log(`(c) seeding ${P.schemaTenants} schema + ${P.databaseTenants} database tenants`);
    const seedStart = performance.now();
    const schemaIds = Array.from({ length: P.schemaTenants }, (_, i) => `ms-${i}`);
    const dbIds = Array.from({ length: P.databaseTenants }, (_, i) => `md-${i}`);
    await createMany(schemaIds, 'schema');
    log(`  schema tenants active after ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
    await createMany(dbIds, 'database');
    const seedSeconds = (performance.now() - seedStart) / 1000;
    log(`  all active after ${seedSeconds.toFixed(0)} s; restarting with a new migration`);

    await instance.close();
    restarted = await startTenantbase(instance.config, {
      logger: false,
      protection: false,
      startWorker: false,
      modules: [...registeredModules, lateModule],
    });
    const behind = await findBehind(restarted.services.tenancy);
    const count = (iso: string) => behind.filter((b) => b.isolation === iso).length;
    const timed = async (only?: string[]) => {
      const t = performance.now();
      const report = await migrateTenantStorages(restarted!.services.tenancy, {
        concurrency: MIGRATE_CONCURRENCY,
        ...(only ? { only: only as never[] } : {}),
      });
      if (report.failed.length)
        throw new Error(`migrate failed: ${JSON.stringify(report.failed.slice(0, 3))}`);
      return { total: report.total, seconds: (performance.now() - t) / 1000 };
    };
    const schemaRun = await timed(schemaIds); // the ${P.schemaTenants} schema tenants alone
    const restRun = await timed(); // database tenants, the pool schema and the tenants of (a), (b)
    const idleRun = await timed(); // nothing pending

    const stat = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `${s[Math.floor(s.length / 2)]!.toFixed(0)} / ${s[s.length - 1]!.toFixed(0)}`;
    };
    machine.loadEnd = os.loadavg()[0]!;
    const md = [
      `## Tenant lifecycle (issues 4, 5) — ${quick ? '--quick' : 'full'}`,
      '',
      `Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.node}, ${machine.postgres}, code ${machine.code}; ` +
        `load average ${machine.loadStart.toFixed(2)} → ${machine.loadEnd.toFixed(2)} (shared, noisy machine).`,
      '',
      `### (a) Login (argon2id-bound by design)`,
      '',
      `${P.users} users (one per pool tenant), 8 connections, ${P.loginSeconds} s: **${(logins.responses / logins.seconds).toFixed(1)} logins/s**, ` +
        `p50 ${sLogin.p50.toFixed(0)} ms, p95 ${sLogin.p95.toFixed(0)} ms, failures ${logins.non2xx + logins.errors + logins.timeouts} ${JSON.stringify(logins.statuses)}.`,
      '',
      '### (b) Time to `active` (POST /api/v1/tenants, then GET every 10 ms; 5 samples, one at a time)',
      '',
      '| model | median / max ms | goal |\n|---|---|---|',
      `| pool | ${stat(toActive.pool!)} | < 1000 |`,
      `| schema | ${stat(toActive.schema!)} | < 1000 |`,
      `| database | ${stat(toActive.database!)} | < 3000 |`,
      '',
      `### (c) migrate --tenants (migrateTenantStorages, concurrency ${MIGRATE_CONCURRENCY}, worker off)`,
      '',
      `Seeded ${P.schemaTenants} schema + ${P.databaseTenants} database tenants (plus the ${3 * 5 + P.users} above) in ${seedSeconds.toFixed(0)} s via createTenant + the provisioning job.`,
      '',
      '| run | storages | seconds | storages/s |\n|---|---|---|---|',
      `| new migration, ${P.schemaTenants} schema tenants | ${schemaRun.total} | ${schemaRun.seconds.toFixed(2)} | ${(schemaRun.total / schemaRun.seconds).toFixed(1)} |`,
      `| new migration, the rest | ${restRun.total} (pool ${count('pool')}, schema ${count('schema') - schemaRun.total}, database ${count('database')}) | ${restRun.seconds.toFixed(2)} | ${(restRun.total / restRun.seconds).toFixed(1)} |`,
      `| nothing pending | ${idleRun.total} | ${idleRun.seconds.toFixed(3)} | – |`,
      '',
    ].join('\n');
    console.log(md);
    await writeFile(new URL('./results/lifecycle.md', import.meta.url), md);
  } finally {
    await restarted?.close();
    await instance.destroy();
  }
}

await main();
