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
import { compareCpuPerCreate, cpuRunOptions } from './cpu-per-create.js';
import { NO_AUDIT_PATH, noAuditRoutes } from './no-audit-route.js';
import { CREATE_PATH } from './writes-bench.js';

const payload = { project_name: 'bench-cpu' };

await compareCpuPerCreate({
  idPrefix: 'cpu',
  profilePrefix: 'writes-cpu',
  options: cpuRunOptions(200),
  instance: { provisioningConcurrency: 3, env: {}, extraRoutes: noAuditRoutes(), protection: true },
  routes: [
    { name: 'audited', url: CREATE_PATH, payload },
    { name: 'baseline', url: NO_AUDIT_PATH, payload },
  ],
  measured: 0,
  titles: ['audited (Node + PG)', 'no audit (Node + PG)', 'audit costs (Node + PG)', 'audited ÷ baseline'],
});
