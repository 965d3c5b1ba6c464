/**
 * `npx tsx bench/writes-seal-probe.ts [--models database,schema] [--rounds N] [--seconds S] [--connections N]`
 *
 * Where an audited create's extra time goes, per model: the writes bench's closed loop (HTTP, 16
 * connections, audited and no-audit rounds alternating) with the server's own counters read around
 * each round: seal passes and entries per pass, how long a pass waited for its connection and held
 * it, how long writers waited for theirs, PostgreSQL CPU by process kind, and the tenant storage's
 * audit_log statistics (updates, HOT updates, dead tuples, autovacuum runs). Prints markdown.
 */
import { parseArgs } from 'node:util';
import { startBenchInstance } from './bench-instance.js';
import { startCpuMeter } from './cpu-meter.js';
import { NO_AUDIT_PATH, noAuditRoutes } from './no-audit-route.js';
import { sampleCpuByKind } from './postgres-cpu-by-kind.js';
import { runRequestLoad } from './request-load.js';
import { seedTenants } from './seed-tenants.js';
import { CREATE_PATH } from './writes-bench.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import type { ScopeTarget } from '../src/tenancy/tenancy.js';

const { values: args } = parseArgs({
  options: {
    models: { type: 'string', default: 'database,schema' },
    rounds: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    env: { type: 'string', multiple: true, default: [] },
  },
});
const models = args.models.split(',') as Isolation[];
const rounds = Number(args.rounds);
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const log = (line: string) => console.error(line);
const env = Object.fromEntries(
  args.env.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);

interface Counters {
  passes: number;
  passWaitMs: number;
  passHoldMs: number;
  writes: number;
  writeWaitMs: number;
  writeHoldMs: number;
}
const counters: Counters = {
  passes: 0,
  passWaitMs: 0,
  passHoldMs: 0,
  writes: 0,
  writeWaitMs: 0,
  writeHoldMs: 0,
};

const instance = await startBenchInstance({
  provisioningConcurrency: 3,
  env,
  extraRoutes: noAuditRoutes(),
  log,
  protection: true,
});
const tenancy = instance.services.tenancy;
// Times every scope: from the call to its work starting (the tenant's share and a connection), and the work.
const original = tenancy.withTenant.bind(tenancy);
tenancy.withTenant = (async (
  tenant: ScopeTarget,
  work: Parameters<typeof original>[1],
  access?: 'read' | 'write',
  options?: { lane?: string },
) => {
  const called = performance.now();
  let began = 0;
  try {
    return await original(
      tenant,
      async (scope) => {
        began = performance.now();
        return work(scope);
      },
      access,
      options,
    );
  } finally {
    const ended = performance.now();
    const sealer = options?.lane === 'audit-sealer';
    if (began > 0 && access !== 'read') {
      if (sealer) {
        counters.passes++;
        counters.passWaitMs += began - called;
        counters.passHoldMs += ended - began;
      } else {
        counters.writes++;
        counters.writeWaitMs += began - called;
        counters.writeHoldMs += ended - began;
      }
    }
  }
}) as typeof tenancy.withTenant;

const statsSql = `select coalesce(sum(n_tup_ins), 0)::bigint as ins, coalesce(sum(n_tup_upd), 0)::bigint as upd,
    coalesce(sum(n_tup_hot_upd), 0)::bigint as hot, coalesce(sum(n_dead_tup), 0)::bigint as dead,
    coalesce(sum(autovacuum_count), 0)::bigint as vacuums
  from pg_stat_user_tables where relname = 'audit_log' and schemaname = $1`;

try {
  const tenants = await seedTenants(
    instance.services,
    models.map((isolation) => ({ id: `probe-${isolation}`, isolation, deployments: 0 })),
    3,
    () => undefined,
  );
  await instance.settle();
  const out: string[] = [
    `| model | route | creates/s | CPU ms/create Node + PG | PG by kind ms/create | scopes: wait / hold ms | seal passes/s | entries/pass | pass wait / hold ms | audit_log upd (hot) / dead / vacuums |`,
    '|---|---|---:|---:|---|---:|---:|---:|---:|---|',
  ];
  for (const tenant of tenants) {
    const record = (await tenancy.registry.load(tenant.id))!;
    const storage = await tenancy.ownerStorage(record);
    const readStats = async () => {
      await storage.client.query('select pg_stat_clear_snapshot()');
      const { rows } = await storage.client.query<Record<string, string>>(statsSql, [storage.schema]);
      return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
    };
    const shapes = (path: string) => [
      { method: 'POST' as const, path, token: tenant.token, body: { project_name: 'probe' } },
    ];
    const load = (path: string, s: number) =>
      runRequestLoad({ baseUrl: instance.baseUrl, connections, durationSeconds: s, shapes: shapes(path) });
    await load(CREATE_PATH, 1);
    await load(NO_AUDIT_PATH, 1);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [CREATE_PATH, NO_AUDIT_PATH] : [NO_AUDIT_PATH, CREATE_PATH];
      for (const path of order) {
        await new Promise((resolve) => setTimeout(resolve, 500)); // the previous round's last pass
        const before = await readStats();
        Object.assign(counters, {
          passes: 0,
          passWaitMs: 0,
          passHoldMs: 0,
          writes: 0,
          writeWaitMs: 0,
          writeHoldMs: 0,
        });
        const meter = startCpuMeter(instance.postmasterPid);
        const byKind = sampleCpuByKind(instance.postmasterPid!, `${instance.config.namespace}_tenant_`);
        const result = await load(path, seconds);
        const cpu = meter();
        const kinds = byKind();
        const c = { ...counters };
        await new Promise((resolve) => setTimeout(resolve, 300));
        const after = await readStats();
        const n = result.responses;
        const per = (ms: number) => (ms / n).toFixed(2);
        const kindText = Object.entries(kinds.kinds)
          .filter(([, ms]) => ms / n >= 0.005)
          .sort((a, b) => b[1] - a[1])
          .map(([kind, ms]) => `${kind.replace('client: ', '')} ${per(ms)}`)
          .join(', ');
        const sealed = after.upd! - before.upd!;
        const line =
          `| ${tenant.isolation} | ${path === CREATE_PATH ? 'audited' : 'no audit'} | ${(n / result.seconds).toFixed(0)} | ` +
          `${per(cpu.node)} + ${per(cpu.postgres ?? Number.NaN)} | ${kindText} | ` +
          `${(c.writeWaitMs / Math.max(1, c.writes)).toFixed(2)} / ${(c.writeHoldMs / Math.max(1, c.writes)).toFixed(2)} | ` +
          `${(c.passes / result.seconds).toFixed(1)} | ${c.passes ? (sealed / c.passes).toFixed(1) : '—'} | ` +
          `${c.passes ? (c.passWaitMs / c.passes).toFixed(2) : '—'} / ${c.passes ? (c.passHoldMs / c.passes).toFixed(2) : '—'} | ` +
          `${sealed} (${after.hot! - before.hot!}) / ${after.dead} / ${after.vacuums! - before.vacuums!} |`;
        log(line);
        out.push(line);
      }
    }
    await storage.client.end();
  }
  console.log(out.join('\n'));
} finally {
  await instance.destroy();
}
