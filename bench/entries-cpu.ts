/**
 * `npx tsx bench/entries-cpu.ts [--blocks N] [--per-block N] [--concurrency N] [--profile]`
 *
 * Server CPU per create, `POST /entries/orders` (the entries bench's type and body) against
 * `POST /deployments` in the same tenant, per model: a machine too busy for throughput to mean much
 * still shows what each create costs. Blocks of a fixed number of creates alternate between the
 * two routes, sent in-process (`app.inject`, no client CPU counted) with a few in flight; Node CPU
 * is this process's, PostgreSQL's the embedded server's own processes (as bench/writes-cpu.ts).
 * At 2 CPUs, 1,000 creates/s needs at most ~2 ms of server CPU per create. `--profile` writes a CPU
 * profile of each route's first block per model to bench/results/entries-cpu-<model>-<route>.cpuprofile.
 */
import { compareCpuPerCreate, cpuRunOptions } from './cpu-per-create.js';
import { ORDER_BODY, seedEntries } from './entries-bench.js';

const DEPLOYMENT = {
  name: 'deployments',
  url: '/api/v1/deployments',
  payload: { project_name: 'bench-cpu' },
} as const;
const ENTRY = { name: 'entries', url: '/api/v1/entries/orders', payload: ORDER_BODY } as const;

await compareCpuPerCreate({
  idPrefix: 'ecpu',
  profilePrefix: 'entries-cpu',
  options: cpuRunOptions(300),
  instance: { provisioningConcurrency: 3, env: {}, extraRoutes: () => {} },
  routes: [DEPLOYMENT, ENTRY],
  measured: 1,
  titles: [
    'entry create (Node + PG)',
    'deployment create (Node + PG)',
    'entry − deployment (Node + PG)',
    'entry ÷ deployment',
  ],
  seed: (instance, tenant) => seedEntries(instance, tenant, 0),
});
