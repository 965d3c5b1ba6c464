import { sql } from 'kysely';
import { verifyAuditChain } from '../src/modules/audit/verify-audit-chain.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import type { BenchInstance } from './bench-instance.js';
import { type CpuSpent, cpuPerResponse, startCpuMeter } from './cpu-meter.js';
import type { LoadClient } from './load-client.js';
import type { LoadResult } from './load-protocol.js';
import { NO_AUDIT_PATH } from './no-audit-route.js';
import { runRequestLoad, type RequestShape } from './request-load.js';
import { type SeededTenant, seedTenants } from './seed-tenants.js';
import { type LatencySummary, summarize } from './stats.js';

export const CREATE_PATH = '/api/v1/deployments';
const ISOLATIONS: Isolation[] = ['pool', 'schema', 'database'];

export interface WritesOptions {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
  /** Offered creates/s of the open-loop phase. */
  pacedRate: number;
  pacedSeconds: number;
  /** Tenants that share `connections` in the one-vs-many comparison. */
  spreadTenants: number;
  /** Models the one-vs-many comparison runs in. */
  spreadModels: Isolation[];
}

/** Closed-loop runs of one target, summed over rounds. */
export interface WriteRuns {
  rps: number;
  rpsPerRound: number[];
  latency: LatencySummary;
  responses: number;
  failures: number;
  statuses: Record<string, number>;
  /** Server CPU per create in ms (Node process; PostgreSQL when measurable); hardly moved by other load. */
  cpu?: { node: number; postgres: number | undefined };
}

/** Sealing lag: from an entry's write (created_at) to its seal (sealed_at), in ms. */
export interface SealLag {
  entries: number;
  p50: number;
  p99: number;
  max: number;
  /** Entries still unsealed when measured, right after the load stopped. */
  unsealed: number;
}

export interface WritesSummary {
  options: WritesOptions;
  saturated: Array<{
    isolation: Isolation;
    audited: WriteRuns;
    baseline: WriteRuns;
    ratio: number;
    ratioPerRound: number[];
    lag: SealLag;
  }>;
  paced: Array<{ isolation: Isolation; rate: number; result: WriteRuns; lag: SealLag }>;
  spread: Array<{
    isolation: Isolation;
    one: WriteRuns;
    many: WriteRuns;
    ratio: number;
    /** The same comparison on the no-audit route: what caps one tenant besides the audit chain. */
    baseline: { one: WriteRuns; many: WriteRuns; ratio: number };
  }>;
  chains: Array<{ isolation: Isolation; ok: boolean; entries: number; pending: number }>;
}

export interface WriteTenants {
  single: Record<Isolation, SeededTenant>;
  spread: Partial<Record<Isolation, SeededTenant[]>>;
}

/** One empty enterprise tenant per model (limits lifted), and `spreadTenants` more per spread model. */
export async function seedWriteTenants(
  instance: BenchInstance,
  options: WritesOptions,
  log: (line: string) => void,
): Promise<WriteTenants> {
  const requests = [
    ...ISOLATIONS.map((isolation) => ({ id: `writes-${isolation}`, isolation, deployments: 0 })),
    ...options.spreadModels.flatMap((isolation) =>
      Array.from({ length: options.spreadTenants }, (_, i) => ({
        id: `spread-${isolation}-${i + 1}`,
        isolation,
        deployments: 0,
      })),
    ),
  ];
  const seeded = await seedTenants(instance.services, requests, 4, (done, total) =>
    log(`  write tenants: ${done}/${total}`),
  );
  const single = Object.fromEntries(
    seeded.filter((t) => t.id.startsWith('writes-')).map((t) => [t.isolation, t]),
  ) as Record<Isolation, SeededTenant>;
  const spread: WriteTenants['spread'] = {};
  for (const isolation of options.spreadModels)
    spread[isolation] = seeded.filter((t) => t.id.startsWith(`spread-${isolation}-`));
  return { single, spread };
}

const shape = (tenant: SeededTenant, path: string): RequestShape => ({
  method: 'POST',
  path,
  token: tenant.token,
  body: { project_name: 'bench-write' },
});

function aggregate(runs: LoadResult[]): WriteRuns {
  const responses = runs.reduce((n, r) => n + r.responses, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const statuses: Record<string, number> = {};
  for (const run of runs)
    for (const [status, n] of Object.entries(run.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  return {
    rps: responses / seconds,
    rpsPerRound: runs.map((r) => r.responses / r.seconds),
    latency: summarize(runs.map((r) => r.latencies)),
    responses,
    failures: runs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
    statuses,
  };
}

async function measureLag(instance: BenchInstance, tenant: SeededTenant, from: Date): Promise<SealLag> {
  const record = (await instance.services.tenancy.registry.load(tenant.id))!;
  return instance.services.tenancy.withTenant(record, async (scope) => {
    const lagMs = sql<number>`extract(epoch from (sealed_at - created_at)) * 1000`;
    const row = await scope.db
      .selectFrom('audit_log')
      .select([
        sql<string>`count(sealed_at)`.as('entries'),
        sql<string>`count(*) - count(sealed_at)`.as('unsealed'),
        sql<number | null>`percentile_cont(0.5) within group (order by ${lagMs})`.as('p50'),
        sql<number | null>`percentile_cont(0.99) within group (order by ${lagMs})`.as('p99'),
        sql<number | null>`max(${lagMs})`.as('max'),
      ])
      .where('tenant_id', '=', scope.tenantId)
      .where('created_at', '>=', from)
      .executeTakeFirstOrThrow();
    return {
      entries: Number(row.entries),
      unsealed: Number(row.unsealed),
      p50: Number(row.p50 ?? Number.NaN),
      p99: Number(row.p99 ?? Number.NaN),
      max: Number(row.max ?? Number.NaN),
    };
  });
}

/**
 * Creates through `POST /api/v1/deployments` against the same route with the audit write off,
 * side by side (rounds alternate their order), in every model; then an open-loop phase at a
 * fixed rate, one tenant with all connections against many tenants sharing them, the sealing
 * lag of every audited phase, and a verification of every chain written.
 */
export async function measureWrites(
  instance: BenchInstance,
  load: LoadClient,
  tenants: WriteTenants,
  options: WritesOptions,
  log: (line: string) => void,
): Promise<WritesSummary> {
  const run = (shapes: RequestShape[], seconds: number) =>
    runRequestLoad({
      baseUrl: instance.baseUrl,
      connections: options.connections,
      durationSeconds: seconds,
      shapes,
    });
  const summary: WritesSummary = { options, saturated: [], paced: [], spread: [], chains: [] };

  for (const isolation of ISOLATIONS) {
    const tenant = tenants.single[isolation];
    const audited = [shape(tenant, CREATE_PATH)];
    const baseline = [shape(tenant, NO_AUDIT_PATH)];
    if (options.warmupSeconds > 0) {
      await run(audited, options.warmupSeconds);
      await run(baseline, options.warmupSeconds);
    }
    const from = new Date();
    const auditedRuns: LoadResult[] = [];
    const baselineRuns: LoadResult[] = [];
    const auditedCpu: CpuSpent[] = [];
    const baselineCpu: CpuSpent[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 === 0 ? (['audited', 'baseline'] as const) : (['baseline', 'audited'] as const);
      for (const which of order) {
        const meter = startCpuMeter(instance.postmasterPid);
        const result = await run(which === 'audited' ? audited : baseline, options.durationSeconds);
        (which === 'audited' ? auditedCpu : baselineCpu).push(meter());
        (which === 'audited' ? auditedRuns : baselineRuns).push(result);
        log(
          `  ${isolation} ${which} round ${round + 1}: ${(result.responses / result.seconds).toFixed(0)} creates/s`,
        );
      }
    }
    const lag = await measureLag(instance, tenant, from);
    const a = { ...aggregate(auditedRuns), cpu: cpuPerResponse(auditedCpu, auditedRuns) };
    const b = { ...aggregate(baselineRuns), cpu: cpuPerResponse(baselineCpu, baselineRuns) };
    summary.saturated.push({
      isolation,
      audited: a,
      baseline: b,
      ratio: a.rps / b.rps,
      ratioPerRound: auditedRuns.map(
        (r, i) => r.responses / r.seconds / (baselineRuns[i]!.responses / baselineRuns[i]!.seconds),
      ),
      lag,
    });
  }

  for (const isolation of ISOLATIONS) {
    const tenant = tenants.single[isolation];
    const from = new Date();
    const result = await load.run({
      baseUrl: instance.baseUrl,
      connections: options.connections,
      durationSeconds: options.pacedSeconds,
      rate: options.pacedRate,
      targets: [
        { path: CREATE_PATH, token: tenant.token, body: JSON.stringify({ project_name: 'bench-paced' }) },
      ],
    });
    const runs = aggregate([result]);
    log(`  ${isolation} paced at ${options.pacedRate}/s: p95 ${runs.latency.p95.toFixed(1)} ms`);
    summary.paced.push({
      isolation,
      rate: options.pacedRate,
      result: runs,
      lag: await measureLag(instance, tenant, from),
    });
  }

  for (const isolation of options.spreadModels) {
    const many = tenants.spread[isolation]!;
    const one = aggregate([
      await run([shape(tenants.single[isolation], CREATE_PATH)], options.durationSeconds),
    ]);
    const spread = aggregate([
      await run(
        many.map((t) => shape(t, CREATE_PATH)),
        options.durationSeconds,
      ),
    ]);
    const baseOne = aggregate([
      await run([shape(tenants.single[isolation], NO_AUDIT_PATH)], options.durationSeconds),
    ]);
    const baseMany = aggregate([
      await run(
        many.map((t) => shape(t, NO_AUDIT_PATH)),
        options.durationSeconds,
      ),
    ]);
    log(
      `  ${isolation}: one tenant ${one.rps.toFixed(0)}/s, ${many.length} tenants ${spread.rps.toFixed(0)}/s; no audit ${baseOne.rps.toFixed(0)}/s and ${baseMany.rps.toFixed(0)}/s`,
    );
    summary.spread.push({
      isolation,
      one,
      many: spread,
      ratio: one.rps / spread.rps,
      baseline: { one: baseOne, many: baseMany, ratio: baseOne.rps / baseMany.rps },
    });
  }

  for (const isolation of ISOLATIONS) {
    const record = (await instance.services.tenancy.registry.load(tenants.single[isolation].id))!;
    const report = await instance.services.tenancy.withTenant(record, (scope) => verifyAuditChain(scope));
    summary.chains.push({ isolation, ok: report.ok, entries: report.entries, pending: report.pending });
  }
  return summary;
}
