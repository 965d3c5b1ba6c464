/**
 * `npx tsx bench/pool-measure-probe.ts [--rows N] [--rounds N] [--seconds S] [--route audited] [--model pool] [--env NAME=VALUE]`
 *
 * Why one large pool tenant wrote at about half the rate of eight small ones (issue 12, BENCHMARKS
 * §3): the writes bench's one-vs-many phase on the no-audit route, pool model by default, one tenant
 * holding `--rows` deployments against eight empty ones, with the storage-measurement job handled
 * as the product does and, alternately, skipped. Counts the measurements that ran during each phase
 * and the time they took. Prints markdown.
 */
import { parseArgs } from 'node:util';
import { MEASURE_STORAGE_JOB, measureStorageJob } from '../src/modules/tenants/measure-storage-job.js';
import type { Job } from '../src/jobs/job-queue.js';
import { startBenchInstance } from './bench-instance.js';
import { NO_AUDIT_PATH, noAuditRoutes } from './no-audit-route.js';
import { runRequestLoad, type RequestShape } from './request-load.js';
import { seedTenants } from './seed-tenants.js';
import { CREATE_PATH } from './writes-bench.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '150000' },
    rounds: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '8' },
    route: { type: 'string', default: 'no-audit' },
    model: { type: 'string', default: 'pool' },
    env: { type: 'string', multiple: true, default: [] },
  },
});
const rows = Number(args.rows);
const rounds = Number(args.rounds);
const seconds = Number(args.seconds);
const path = args.route === 'audited' ? CREATE_PATH : NO_AUDIT_PATH;
const model = args.model as Isolation;
const log = (line: string) => console.error(line);

const instance = await startBenchInstance({
  provisioningConcurrency: 4,
  env: Object.fromEntries(
    args.env.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  ),
  extraRoutes: noAuditRoutes(),
  log,
  protection: true,
});
const product = measureStorageJob(instance.services.tenancy, instance.services.jobs);
let measuring = true;
const spent = { runs: 0, ms: 0, skipped: 0 };
instance.services.worker.register(MEASURE_STORAGE_JOB, async (job: Job) => {
  if (!measuring) {
    spent.skipped++;
    return { skipped: 'probe' };
  }
  const started = performance.now();
  try {
    return await product(job);
  } finally {
    spent.runs++;
    spent.ms += performance.now() - started;
  }
});

try {
  const [big, ...many] = await seedTenants(
    instance.services,
    [
      { id: 'probe-big', isolation: model, deployments: rows },
      ...Array.from({ length: 8 }, (_, i) => ({
        id: `probe-s${i + 1}`,
        isolation: 'pool' as const,
        deployments: 0,
      })),
    ],
    4,
    (done, total) => log(`  tenants ${done}/${total}`),
  );
  await instance.settle();
  const shape = (token: string): RequestShape => ({
    method: 'POST',
    path,
    token,
    body: { project_name: 'p' },
  });
  const load = (shapes: RequestShape[]) =>
    runRequestLoad({ baseUrl: instance.baseUrl, connections: 16, durationSeconds: seconds, shapes });
  await load([shape(big!.token)]);
  const out = [
    `${model}: ${rows} rows in the one tenant, route ${path}, ${seconds} s phases`,
    '| round | measurement | one tenant /s | eight tenants /s | one ÷ eight | measurements run (ms) during one | during eight |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (let round = 0; round < rounds; round++) {
    for (const on of round % 2 === 0 ? [true, false] : [false, true]) {
      measuring = on;
      const phase = async (shapes: RequestShape[]) => {
        Object.assign(spent, { runs: 0, ms: 0, skipped: 0 });
        const result = await load(shapes);
        return { rps: result.responses / result.seconds, runs: spent.runs, ms: spent.ms };
      };
      const one = await phase([shape(big!.token)]);
      const eight = await phase(many.map((t) => shape(t.token)));
      const line = `| ${round + 1} | ${on ? 'on' : 'skipped'} | ${one.rps.toFixed(0)} | ${eight.rps.toFixed(0)} | ${(one.rps / eight.rps).toFixed(2)} | ${one.runs} (${one.ms.toFixed(0)}) | ${eight.runs} (${eight.ms.toFixed(0)}) |`;
      log(line);
      out.push(line);
    }
  }
  console.log(out.join('\n'));
} finally {
  await instance.destroy();
}
