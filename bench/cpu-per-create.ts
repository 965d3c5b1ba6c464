import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchInstance, type BenchInstanceOptions, startBenchInstance } from './bench-instance.js';
import { type CpuSpent, startCpuMeter } from './cpu-meter.js';
import { CpuProfiler } from './cpu-profiler.js';
import { type SeededTenant, seedTenants } from './seed-tenants.js';

/** A create route of one side of the comparison: `name` labels its profile and failures. */
export interface CreateRoute {
  name: string;
  url: string;
  payload: unknown;
}

/** `--blocks`, `--per-block`, `--concurrency`, `--profile`, shared by the CPU-per-create benches. */
export interface CpuRunOptions {
  blocks: number;
  perBlock: number;
  concurrency: number;
  profiler: CpuProfiler | undefined;
}

export function cpuRunOptions(defaultPerBlock: number): CpuRunOptions {
  const { values } = parseArgs({
    options: {
      blocks: { type: 'string', default: '4' },
      'per-block': { type: 'string', default: String(defaultPerBlock) },
      concurrency: { type: 'string', default: '8' },
      profile: { type: 'boolean', default: false },
    },
  });
  return {
    blocks: Number(values.blocks),
    perBlock: Number(values['per-block']),
    concurrency: Number(values.concurrency),
    profiler: values.profile ? new CpuProfiler(path.join(import.meta.dirname, 'results')) : undefined,
  };
}

/** Server CPU in ms per create, Node's and PostgreSQL's. */
export interface CpuPerCreate {
  node: number;
  pg: number;
}

/**
 * Server CPU per create of two routes in one tenant: blocks of a fixed number of creates (not a
 * fixed time, so a busy machine slows both alike), alternating which route goes first, sent
 * in-process (`app.inject`, no client CPU counted) with `concurrency` in flight. The first two
 * blocks of each route are profiled when asked, to bench/results/<prefix>-<model>-<route>.
 */
export async function cpuPerCreate(
  instance: BenchInstance,
  tenant: SeededTenant,
  routes: readonly [CreateRoute, CreateRoute],
  options: CpuRunOptions & { profilePrefix: string; log: (line: string) => void },
): Promise<{ spent: [CpuPerCreate, CpuPerCreate]; failures: number }> {
  const send = async (route: CreateRoute, n: number) => {
    let next = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next++ < n) {
          const response = await instance.app.inject({
            method: 'POST',
            url: route.url,
            headers: { authorization: `Bearer ${tenant.token}` },
            payload: route.payload as Record<string, unknown>,
          });
          if (response.statusCode !== 201 && failed++ === 0)
            options.log(`${route.name}: ${response.statusCode} ${response.body.slice(0, 300)}`);
        }
      }),
    );
    return failed;
  };
  for (const route of routes) await send(route, 50); // warm-up
  const spent: [CpuSpent[], CpuSpent[]] = [[], []];
  let failures = 0;
  for (let block = 0; block < options.blocks; block++) {
    const order = block % 2 === 0 ? [0, 1] : [1, 0];
    for (const side of order) {
      const route = routes[side]!;
      const profiled = options.profiler && block < 2;
      if (profiled) await options.profiler!.start();
      const meter = startCpuMeter(instance.postmasterPid);
      failures += await send(route, options.perBlock);
      spent[side]!.push(meter());
      if (profiled)
        options.log(
          `profile: ${await options.profiler!.stop(`${options.profilePrefix}-${tenant.isolation}-${route.name}`)}`,
        );
    }
  }
  const per = (list: CpuSpent[]): CpuPerCreate => ({
    node: list.reduce((s, c) => s + c.node, 0) / (list.length * options.perBlock),
    pg: list.reduce((s, c) => s + (c.postgres ?? Number.NaN), 0) / (list.length * options.perBlock),
  });
  return { spent: [per(spent[0]), per(spent[1])], failures };
}

/** One markdown row: both routes, their difference and ratio, as the benches print them. */
function cpuRow(isolation: string, a: CpuPerCreate, b: CpuPerCreate, failures: number): string {
  const both = (c: CpuPerCreate) =>
    `${(c.node + c.pg).toFixed(2)} (${c.node.toFixed(2)} + ${c.pg.toFixed(2)})`;
  const diff = `${(a.node + a.pg - b.node - b.pg).toFixed(2)} (${(a.node - b.node).toFixed(2)} + ${(a.pg - b.pg).toFixed(2)})`;
  return `| ${isolation} | ${both(a)} | ${both(b)} | ${diff} | ${((a.node + a.pg) / (b.node + b.pg)).toFixed(2)} | ${failures} |`;
}

/** A measured create route against its baseline, in one tenant per model. */
export interface CpuComparison {
  /** Tenants are `<idPrefix>-<model>`; profiles go to `<profilePrefix>-<model>-<route>`. */
  idPrefix: string;
  profilePrefix: string;
  options: CpuRunOptions;
  instance: Omit<BenchInstanceOptions, 'log'>;
  /** Both routes in the order their blocks alternate; `measured` says which one is measured. */
  routes: readonly [CreateRoute, CreateRoute];
  measured: 0 | 1;
  /** The table's column titles: measured, baseline, difference, ratio. */
  titles: readonly [string, string, string, string];
  /** Data a tenant needs before its routes can be sent (an entry type, say). */
  seed?: (instance: BenchInstance, tenant: SeededTenant) => Promise<void>;
}

/** Runs `cpuPerCreate` in a pool, a schema and a database tenant and prints one markdown table. */
export async function compareCpuPerCreate(comparison: CpuComparison): Promise<void> {
  const { options, routes, measured } = comparison;
  const log = (line: string) => console.error(line);
  const instance = await startBenchInstance({ ...comparison.instance, log });
  try {
    const tenants = await seedTenants(
      instance.services,
      (['pool', 'schema', 'database'] as const).map((isolation) => ({
        id: `${comparison.idPrefix}-${isolation}`,
        isolation,
        deployments: 0,
      })),
      3,
      () => undefined,
    );
    for (const tenant of tenants) await comparison.seed?.(instance, tenant);
    await instance.settle();
    const rows: string[] = [];
    for (const tenant of tenants) {
      const { spent, failures } = await cpuPerCreate(instance, tenant, routes, {
        ...options,
        profilePrefix: comparison.profilePrefix,
        log,
      });
      const line = cpuRow(tenant.isolation, spent[measured], spent[1 - measured]!, failures);
      log(line);
      rows.push(line);
    }
    console.log(
      [
        `Server CPU ms per create, ${options.blocks} × ${options.perBlock} creates per route, ${options.concurrency} in flight (in-process):`,
        '',
        `| model | ${comparison.titles.join(' | ')} | failures |`,
        '|---|---:|---:|---:|---:|---:|',
        ...rows,
      ].join('\n'),
    );
  } finally {
    options.profiler?.close();
    await instance.destroy();
  }
}
