import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { BASELINE_PATH } from './baseline-route.js';
import type { BenchInstance } from './bench-instance.js';
import { type CpuSpent, cpuPerResponse, startCpuMeter } from './cpu-meter.js';
import type { CpuProfiler } from './cpu-profiler.js';
import type { LoadClient } from './load-client.js';
import type { LoadResult, LoadTarget } from './load-protocol.js';
import { type SeededTenant, seedTenants } from './seed-tenants.js';
import { type LatencySummary, summarize } from './stats.js';

export const LIST_PATH = '/api/v1/deployments?per_page=20';
const ISOLATIONS: Isolation[] = ['pool', 'schema', 'database'];

export interface ListOverheadOptions {
  deployments: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
  /** Length of each run of the paced phase (bench/list-paced.ts). */
  pacedSeconds: number;
  /** The paced phase's offered req/s; by default half the baseline's saturated req/s. */
  rate?: number;
}

/** One target over every round of the scenario. */
export interface TargetSummary {
  name: 'baseline' | Isolation;
  path: string;
  /** Responses per second over all rounds together. */
  rps: number;
  rpsPerRound: number[];
  /** rps / baseline rps over all rounds, and per round against that round's baseline. */
  ratio: number;
  ratioPerRound: number[];
  latency: LatencySummary;
  /** Server CPU per response in ms (Node process; PostgreSQL when measurable), and its ratio to the baseline's. */
  cpu: { node: number; postgres: number | undefined; ratio: number | undefined };
  responses: number;
  /** Non-2xx responses plus socket errors and timeouts. */
  failures: number;
  statuses: Record<string, number>;
}

export type ListTenants = Record<Isolation, SeededTenant>;

/** One enterprise tenant per isolation model, each with `deployments` rows. */
export async function seedListTenants(
  instance: BenchInstance,
  deployments: number,
  log: (line: string) => void,
): Promise<ListTenants> {
  const seeded = await seedTenants(
    instance.services,
    ISOLATIONS.map((isolation) => ({ id: `bench-${isolation}`, isolation, deployments })),
    ISOLATIONS.length,
    (done, total) => log(`  list tenants: ${done}/${total}`),
  );
  return Object.fromEntries(seeded.map((tenant) => [tenant.isolation, tenant])) as ListTenants;
}

/** What the list scenario loads: the baseline route, then the list in each isolation model. */
export type ListTarget = { name: TargetSummary['name']; target: LoadTarget };

/** The baseline route and the deployments list in each isolation model, baseline first. */
export function listTargets(tenants: ListTenants): ListTarget[] {
  return [
    {
      name: 'baseline',
      target: { path: `${BASELINE_PATH}?tenant=${tenants.pool.id}&per_page=20`, token: tenants.pool.token },
    },
    ...ISOLATIONS.map((isolation) => ({
      name: isolation,
      target: { path: LIST_PATH, token: tenants[isolation].token },
    })),
  ];
}

/** Every target answers the same first page of the same number of rows before anything is timed. */
async function verifyTargets(instance: BenchInstance, targets: ListTarget[], deployments: number) {
  for (const { name, target } of targets) {
    const response = await fetch(`${instance.baseUrl}${target.path}`, {
      headers: { authorization: `Bearer ${target.token}` },
    });
    const body = (await response.json()) as { data?: unknown[]; pagination?: { total?: number } };
    if (response.status !== 200 || body.data?.length !== 20 || body.pagination?.total !== deployments) {
      throw new Error(
        `${name} target is not serving the expected page: ${response.status} ${JSON.stringify(body).slice(0, 300)}`,
      );
    }
  }
}

/** Status-code counts of several runs added up. */
export function mergeCounts(counts: Array<Record<string, number>>): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const count of counts)
    for (const [key, n] of Object.entries(count)) merged[key] = (merged[key] ?? 0) + n;
  return merged;
}

const total = (cpu: { node: number; postgres: number | undefined }) => cpu.node + (cpu.postgres ?? 0);

const rpsOf = (results: LoadResult[]) =>
  results.reduce((n, r) => n + r.responses, 0) / results.reduce((s, r) => s + r.seconds, 0);

/**
 * Scenario 1: the deployments list in each isolation model against the no-tenancy baseline,
 * warmed up, then in alternating rounds (forward, then reverse order) so drift hits all alike.
 */
export async function measureListOverhead(
  instance: BenchInstance,
  load: LoadClient,
  tenants: ListTenants,
  options: ListOverheadOptions,
  log: (line: string) => void,
  profiler?: CpuProfiler,
): Promise<TargetSummary[]> {
  const targets = listTargets(tenants);
  await verifyTargets(instance, targets, options.deployments);
  const job = (target: LoadTarget, durationSeconds: number) => ({
    baseUrl: instance.baseUrl,
    connections: options.connections,
    durationSeconds,
    targets: [target],
  });

  for (const { name, target } of targets) {
    log(`  warm-up ${name} (${options.warmupSeconds} s)`);
    await load.run(job(target, options.warmupSeconds));
  }
  const results = new Map(targets.map(({ name }) => [name, [] as LoadResult[]]));
  const cpu = new Map(targets.map(({ name }) => [name, [] as CpuSpent[]]));
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const { name, target } of order) {
      if (round === 0) await profiler?.start();
      const meter = startCpuMeter(instance.postmasterPid);
      const result = await load.run(job(target, options.durationSeconds));
      cpu.get(name)!.push(meter());
      if (round === 0) await profiler?.stop(`list-${name}`);
      results.get(name)!.push(result);
      const p95 = summarize([result.latencies]).p95;
      log(
        `  round ${round + 1}/${options.rounds} ${name.padEnd(8)} ${(result.responses / result.seconds).toFixed(0)} req/s, p95 ${p95.toFixed(1)} ms`,
      );
    }
  }

  const baseline = results.get('baseline')!;
  const baselineRps = rpsOf(baseline);
  const baselineCpu = cpuPerResponse(cpu.get('baseline')!, baseline);
  return targets.map(({ name, target }) => {
    const runs = results.get(name)!;
    const spent = cpuPerResponse(cpu.get(name)!, runs);
    const rpsPerRound = runs.map((r) => r.responses / r.seconds);
    return {
      name,
      path: target.path,
      rps: rpsOf(runs),
      rpsPerRound,
      ratio: rpsOf(runs) / baselineRps,
      ratioPerRound: rpsPerRound.map((rps, i) => rps / (baseline[i]!.responses / baseline[i]!.seconds)),
      latency: summarize(runs.map((r) => r.latencies)),
      cpu: {
        ...spent,
        ratio: spent.postgres === undefined ? undefined : total(spent) / total(baselineCpu),
      },
      responses: runs.reduce((n, r) => n + r.responses, 0),
      failures: runs.reduce((n, r) => n + r.non2xx + r.errors, 0),
      statuses: mergeCounts(runs.map((r) => r.statuses)),
    };
  });
}
