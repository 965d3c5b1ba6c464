/**
 * `npx tsx bench/writes-cpu.ts [--blocks N] [--per-block N] [--concurrency N] [--profile]`
 *
 * Server CPU per create, audited route against the no-audit baseline, for a machine too busy for
 * throughput to mean anything: a fixed number of creates per block (not a fixed time), blocks of
 * the two routes alternating, sent in-process (`app.inject`, so no client CPU is counted) with a
 * few in flight. Node CPU is this process's; PostgreSQL's is the embedded server's (its own
 * processes only), so other work on the machine is not counted, though it still slows every
 * instruction alike for both routes. Prints one markdown table; the difference (ms) is what the
 * audit trail costs per create. `--profile` writes a CPU profile of each route's first block per
 * model to bench/results/writes-cpu-<model>-<route>.cpuprofile.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { startBenchInstance } from './bench-instance.js';
import { CpuProfiler } from './cpu-profiler.js';
import { startCpuMeter, type CpuSpent } from './cpu-meter.js';
import { NO_AUDIT_PATH, noAuditRoutes } from './no-audit-route.js';
import { seedTenants } from './seed-tenants.js';
import { CREATE_PATH } from './writes-bench.js';

const { values: args } = parseArgs({
  options: {
    blocks: { type: 'string', default: '4' },
    'per-block': { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    profile: { type: 'boolean', default: false },
  },
});
const blocks = Number(args.blocks);
const perBlock = Number(args['per-block']);
const concurrency = Number(args.concurrency);
const log = (line: string) => console.error(line);
const profiler = args.profile ? new CpuProfiler(path.join(import.meta.dirname, 'results')) : undefined;

const instance = await startBenchInstance({
  provisioningConcurrency: 3,
  env: {},
  extraRoutes: noAuditRoutes(),
  log,
  protection: true,
});
const isolations = ['pool', 'schema', 'database'] as const;
try {
  const tenants = await seedTenants(
    instance.services,
    isolations.map((isolation) => ({ id: `cpu-${isolation}`, isolation, deployments: 0 })),
    3,
    () => undefined,
  );
  await instance.settle();
  const rows: string[] = [];
  for (const tenant of tenants) {
    const send = async (path: string, n: number) => {
      let next = 0;
      let failed = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next++ < n) {
            const response = await instance.app.inject({
              method: 'POST',
              url: path,
              headers: { authorization: `Bearer ${tenant.token}` },
              payload: { project_name: 'bench-cpu' },
            });
            if (response.statusCode !== 201) failed++;
          }
        }),
      );
      return failed;
    };
    await send(CREATE_PATH, 50);
    await send(NO_AUDIT_PATH, 50);
    const spent: Record<'audited' | 'baseline', CpuSpent[]> = { audited: [], baseline: [] };
    let failures = 0;
    for (let block = 0; block < blocks; block++) {
      const order = block % 2 === 0 ? (['audited', 'baseline'] as const) : (['baseline', 'audited'] as const);
      for (const which of order) {
        const profiled = profiler && block < 2;
        if (profiled) await profiler.start();
        const meter = startCpuMeter(instance.postmasterPid);
        failures += await send(which === 'audited' ? CREATE_PATH : NO_AUDIT_PATH, perBlock);
        spent[which].push(meter());
        if (profiled) log(`profile: ${await profiler.stop(`writes-cpu-${tenant.isolation}-${which}`)}`);
      }
    }
    const per = (list: CpuSpent[]) => ({
      node: list.reduce((s, c) => s + c.node, 0) / (list.length * perBlock),
      pg: list.reduce((s, c) => s + (c.postgres ?? Number.NaN), 0) / (list.length * perBlock),
    });
    const a = per(spent.audited);
    const b = per(spent.baseline);
    const line = `| ${tenant.isolation} | ${(a.node + a.pg).toFixed(2)} (${a.node.toFixed(2)} + ${a.pg.toFixed(2)}) | ${(b.node + b.pg).toFixed(2)} (${b.node.toFixed(2)} + ${b.pg.toFixed(2)}) | ${(a.node + a.pg - b.node - b.pg).toFixed(2)} (${(a.node - b.node).toFixed(2)} + ${(a.pg - b.pg).toFixed(2)}) | ${((a.node + a.pg) / (b.node + b.pg)).toFixed(2)} | ${failures} |`;
    log(line);
    rows.push(line);
  }
  console.log(
    [
      `Server CPU ms per create, ${blocks} × ${perBlock} creates per route, ${concurrency} in flight (in-process):`,
      '',
      '| model | audited (Node + PG) | no audit (Node + PG) | audit costs (Node + PG) | audited ÷ baseline | failures |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n'),
  );
} finally {
  profiler?.close();
  await instance.destroy();
}
