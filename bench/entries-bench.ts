/**
 * Issue 14: a filtered entries list (`filter[status]=`, 20 per page) against the deployments list
 * filtered by status over the same number of rows in the same tenant, per isolation model, in the
 * same run; then entry creates with schema validation in one tenant, beside deployment creates.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { createEntryType } from '../src/modules/entries/create-entry-type.js';
import { entryIndexSpec } from '../src/modules/entries/entry-index-spec.js';
import { entryListSql } from '../src/modules/entries/entry-list-query.js';
import { getEntryType } from '../src/modules/entries/get-entry-type.js';
import { rebuildEntryIndex } from '../src/modules/entries/rebuild-entry-index.js';
import type { EntryListQuery } from '../src/modules/entries/entries.schema.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import type { BenchInstance } from './bench-instance.js';
import type { CpuProfiler } from './cpu-profiler.js';
import type { LoadClient } from './load-client.js';
import type { LoadResult } from './load-protocol.js';
import { runRequestLoad } from './request-load.js';
import { type SeededTenant, seedTenants } from './seed-tenants.js';
import { type LatencySummary, summarize } from './stats.js';

const ISOLATIONS: Isolation[] = ['pool', 'schema', 'database'];
const STATUSES = ['pending', 'building', 'active', 'failed', 'stopped'] as const;

export interface EntriesBenchOptions {
  rows: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
  pacedSeconds: number;
  createSeconds: number;
  /** Rounds of creates per model, deployments and entries alternating (a busy machine's swings hit both). */
  createRounds: number;
  /** Skips the lists (seeding, saturated and paced rounds, plans): creates only. */
  createsOnly: boolean;
  /** `--profile`: a CPU profile of the server during each model's first round of entry creates. */
  profiler?: CpuProfiler;
}

export interface EntriesTarget {
  isolation: Isolation;
  which: 'deployments' | 'entries';
  path: string;
  rps: number;
  latency: LatencySummary;
  failures: number;
  paced?: { rate: number; achieved: number; latency: LatencySummary };
}

export interface EntriesSummary {
  options: EntriesBenchOptions;
  /** EXPLAIN ANALYZE of the filtered page and its count in the pool tenant. */
  plans: string[];
  seedSeconds: number;
  lists: EntriesTarget[];
  creates: Array<{
    isolation: Isolation;
    rps: number;
    latency: LatencySummary;
    failures: number;
    /** Deployment creates in the same tenant just before: the audited write without side rows. */
    deployments: number;
  }>;
}

const ORDER_SCHEMA = {
  type: 'object' as const,
  required: ['name', 'status'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    status: { enum: [...STATUSES] },
    amount: { type: 'number', minimum: 0 },
    due: { type: 'string', format: 'date' },
    email: { type: 'string', format: 'email' },
  },
};

export async function seedEntries(
  instance: BenchInstance,
  tenant: SeededTenant,
  rows: number,
): Promise<void> {
  const { tenancy } = instance.services;
  const record = (await tenancy.registry.load(tenant.id))!;
  await tenancy.withTenant(record, (scope) =>
    createEntryType(scope, { key: 'orders', name: 'Orders', schema: ORDER_SCHEMA }),
  );
  const start = Date.now() - rows * 1000;
  for (let offset = 0; offset < rows; offset += 1000) {
    await tenancy.withTenant(record, async (scope) => {
      const values = [];
      for (let i = offset; i < Math.min(offset + 1000, rows); i++) {
        const at = new Date(start + i * 1000);
        values.push({
          tenant_id: scope.tenantId,
          id: uuidv7(),
          type: 'orders',
          data: JSON.stringify({
            name: `order-${i}`,
            status: STATUSES[i % STATUSES.length],
            amount: i % 997,
            due: '2027-01-01',
          }),
          created_by: null,
          created_at: at,
          updated_at: at,
        });
      }
      await scope.db.insertInto('entries').values(values).execute();
    });
  }
  // Seeded past the API: the side tables are built as a schema change builds them.
  await tenancy.withTenant(record, async (scope) => {
    await sql`set local statement_timeout = 0`.execute(scope.db);
    await rebuildEntryIndex(scope, 'orders', entryIndexSpec(ORDER_SCHEMA));
  });
  await tenancy.analyze(record);
}

async function explainFiltered(instance: BenchInstance, tenant: SeededTenant): Promise<string[]> {
  const { tenancy } = instance.services;
  const record = (await tenancy.registry.load(tenant.id))!;
  return tenancy.withTenant(record, async (scope) => {
    const type = await getEntryType(scope, 'orders');
    const list = entryListSql(scope, type, { 'filter[status]': 'active' } as EntryListQuery);
    const options = sql`analyze, costs off`;
    const page = await sql<Record<string, unknown>>`explain (${options}) ${list.page(21, 0)}`.execute(
      scope.db,
    );
    const count = await sql<Record<string, unknown>>`explain (${options}) ${list.count()}`.execute(scope.db);
    return [page.rows, count.rows].map((rows) => rows.map((row) => String(Object.values(row)[0])).join('\n'));
  });
}

const rpsOf = (runs: LoadResult[]) =>
  runs.reduce((n, r) => n + r.responses, 0) / runs.reduce((s, r) => s + r.seconds, 0);

/** Seeds one enterprise tenant per model with `rows` deployments and `rows` entries of one type, then measures. */
export async function measureEntries(
  instance: BenchInstance,
  load: LoadClient,
  options: EntriesBenchOptions,
  log: (line: string) => void,
): Promise<EntriesSummary> {
  const seedStart = performance.now();
  const tenants = await seedTenants(
    instance.services,
    ISOLATIONS.map((isolation) => ({
      id: `entries-${isolation}`,
      isolation,
      deployments: options.createsOnly ? 0 : options.rows,
    })),
    1,
    (done, total) => log(`  deployments seeded: ${done}/${total}`),
  );
  for (const tenant of tenants) {
    await seedEntries(instance, tenant, options.createsOnly ? 0 : options.rows);
    log(`  entries seeded: ${tenant.id}`);
  }
  await instance.settle();
  const seedSeconds = (performance.now() - seedStart) / 1000;
  if (options.createsOnly)
    return {
      options,
      plans: [],
      seedSeconds,
      lists: [],
      creates: await measureCreates(instance, tenants, options, log),
    };
  const plans = await explainFiltered(
    instance,
    tenants.find((t) => t.isolation === 'pool')!,
  );
  const targets = tenants.flatMap((tenant) => [
    {
      isolation: tenant.isolation,
      which: 'deployments' as const,
      path: '/api/v1/deployments?status=active&per_page=20',
      token: tenant.token,
    },
    {
      isolation: tenant.isolation,
      which: 'entries' as const,
      path: '/api/v1/entries/orders?filter[status]=active&per_page=20',
      token: tenant.token,
    },
  ]);
  for (const target of targets) {
    const response = await fetch(`${instance.baseUrl}${target.path}`, {
      headers: { authorization: `Bearer ${target.token}` },
    });
    const body = (await response.json()) as { data?: unknown[]; pagination?: { total?: number } };
    if (
      response.status !== 200 ||
      body.data?.length !== 20 ||
      body.pagination?.total !== options.rows / STATUSES.length
    )
      throw new Error(
        `${target.which} ${target.isolation}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`,
      );
  }
  const job = (target: (typeof targets)[number], seconds: number, rate?: number) => ({
    baseUrl: instance.baseUrl,
    connections: options.connections,
    durationSeconds: seconds,
    targets: [{ path: target.path, token: target.token }],
    ...(rate ? { rate } : {}),
  });
  for (const target of targets) await load.run(job(target, options.warmupSeconds));
  const runs = new Map(targets.map((t) => [t, [] as LoadResult[]]));
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const result = await load.run(job(target, options.durationSeconds));
      runs.get(target)!.push(result);
      log(
        `  round ${round + 1} ${target.isolation} ${target.which}: ${(result.responses / result.seconds).toFixed(0)} req/s, p95 ${summarize([result.latencies]).p95.toFixed(1)} ms`,
      );
    }
  }
  const lists: EntriesTarget[] = targets.map((target) => {
    const done = runs.get(target)!;
    return {
      isolation: target.isolation,
      which: target.which,
      path: target.path,
      rps: rpsOf(done),
      latency: summarize(done.map((r) => r.latencies)),
      failures: done.reduce((n, r) => n + r.non2xx + r.errors, 0),
    };
  });
  // Below saturation: half the slower of the pair's saturated rate, the same for both.
  for (const isolation of ISOLATIONS) {
    const pair = lists.filter((l) => l.isolation === isolation);
    const rate = Math.max(10, Math.floor(Math.min(...pair.map((l) => l.rps)) / 2));
    for (const entry of pair) {
      const target = targets.find((t) => t.isolation === isolation && t.which === entry.which)!;
      const result = await load.run(job(target, options.pacedSeconds, rate));
      entry.paced = {
        rate,
        achieved: result.responses / result.seconds,
        latency: summarize([result.latencies]),
      };
      log(`  paced ${isolation} ${entry.which} at ${rate}/s: p95 ${entry.paced.latency.p95.toFixed(1)} ms`);
    }
  }
  // After the lists, so that they run over the seeded rows only.
  const creates = await measureCreates(instance, tenants, options, log);
  return { options, plans, seedSeconds, lists, creates };
}

/** The report section for BENCHMARKS.md. */
export function renderEntries(summary: EntriesSummary): string {
  const lines = [
    `### Entries: filtered list vs deployments, ${summary.options.rows.toLocaleString('en')} rows of one type per model`,
    '',
    `Seeded in ${summary.seedSeconds.toFixed(0)} s. Closed loop, ${summary.options.connections} connections, ${summary.options.rounds} × ${summary.options.durationSeconds} s per target, rounds alternating; paced at half the pair's slower rate for ${summary.options.pacedSeconds} s.`,
    '',
    '| model | deployments `?status=active` req/s | entries `filter[status]=active` req/s | ratio (goal ≥ 0.9) | p95 saturated d / e (ms) | paced rate | p95 paced d / e (ms, goal < 20) | failures |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const isolation of summary.lists.length > 0 ? ISOLATIONS : []) {
    const d = summary.lists.find((l) => l.isolation === isolation && l.which === 'deployments')!;
    const e = summary.lists.find((l) => l.isolation === isolation && l.which === 'entries')!;
    lines.push(
      `| ${isolation} | ${d.rps.toFixed(0)} | ${e.rps.toFixed(0)} | ${(e.rps / d.rps).toFixed(2)} | ${d.latency.p95.toFixed(1)} / ${e.latency.p95.toFixed(1)} | ${d.paced?.rate ?? '-'} | ${d.paced?.latency.p95.toFixed(1) ?? '-'} / ${e.paced?.latency.p95.toFixed(1) ?? '-'} | ${d.failures} / ${e.failures} |`,
    );
  }
  lines.push(
    '',
    `Creates: 8 connections, ${summary.options.createRounds} × ${summary.options.createSeconds} s per model and kind, deployments and entries alternating in the same tenant.`,
    '',
    '| model | entry creates/s with validation (goal ≥ 1,000) | deployment creates/s, same tenant, alternating rounds | entries ÷ deployments | p50 / p95 (ms) | failures |',
    '|---|---|---|---|---|---|',
  );
  for (const c of summary.creates)
    lines.push(
      `| ${c.isolation} | ${c.rps.toFixed(0)} | ${c.deployments.toFixed(0)} | ${(c.rps / c.deployments).toFixed(2)} | ${c.latency.p50.toFixed(1)} / ${c.latency.p95.toFixed(1)} | ${c.failures} |`,
    );
  lines.push('', 'Plans of the filtered page and its count (pool tenant):', '', '```');
  for (const plan of summary.plans) lines.push(plan, '');
  lines.push('```');
  return lines.join('\n');
}

export const ORDER_BODY = {
  data: {
    name: 'bench order',
    status: 'pending',
    amount: 12.5,
    due: '2027-02-01',
    email: 'buyer@example.com',
  },
};

/** Creates per model: deployments and entries in the same tenant, rounds alternating which goes first. */
async function measureCreates(
  instance: BenchInstance,
  tenants: SeededTenant[],
  options: EntriesBenchOptions,
  log: (line: string) => void,
): Promise<EntriesSummary['creates']> {
  const creates: EntriesSummary['creates'] = [];
  for (const tenant of tenants) {
    const shape = (which: 'deployments' | 'entries') => ({
      baseUrl: instance.baseUrl,
      connections: 8,
      durationSeconds: options.createSeconds,
      shapes: [
        which === 'deployments'
          ? {
              method: 'POST' as const,
              path: '/api/v1/deployments',
              token: tenant.token,
              body: { project_name: 'bench-entries-baseline' },
            }
          : {
              method: 'POST' as const,
              path: '/api/v1/entries/orders',
              token: tenant.token,
              body: ORDER_BODY,
            },
      ],
    });
    const runs = { deployments: [] as LoadResult[], entries: [] as LoadResult[] };
    for (let round = 0; round < options.createRounds; round++) {
      const order =
        round % 2 === 0 ? (['deployments', 'entries'] as const) : (['entries', 'deployments'] as const);
      for (const which of order) {
        const profiled = round === 0 && which === 'entries' ? options.profiler : undefined;
        await profiled?.start();
        runs[which].push(await runRequestLoad(shape(which)));
        const file = await profiled?.stop(`entries-create-${tenant.isolation}`);
        if (file) log(`  profile: ${file}`);
      }
    }
    const rate = (done: LoadResult[]) =>
      done.reduce((n, r) => n + r.responses, 0) / done.reduce((n, r) => n + r.seconds, 0);
    const result = {
      isolation: tenant.isolation,
      rps: rate(runs.entries),
      latency: summarize(runs.entries.map((r) => r.latencies)),
      failures: runs.entries.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
      deployments: rate(runs.deployments),
    };
    creates.push(result);
    log(
      `  creates ${tenant.isolation}: ${result.rps.toFixed(0)}/s (${result.failures} failed), deployments ${result.deployments.toFixed(0)}/s, ratio ${(result.rps / result.deployments).toFixed(2)}`,
    );
  }
  return creates;
}
