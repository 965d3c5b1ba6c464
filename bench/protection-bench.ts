/**
 * Issue 3 + issue 4 (token part): the protection stack's overhead, the cache, fairness under a
 * pg_sleep flood, and token verification cost, side by side in one run.
 * `npm run bench:protection [-- --quick]`; writes bench/results/protection.md.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppServices } from '../src/app/app-services.js';
import { buildApp } from '../src/http/build-app.js';
import type { AccessTokens, Principal } from '../src/identity/access-tokens.js';
import { startBenchInstance } from './bench-instance.js';
import type { LoadResult } from './load-protocol.js';
import { describeMachine } from './machine.js';
import { runRequestLoad, type RequestLoadJob } from './request-load.js';
import { seedTenants } from './seed-tenants.js';
import { summarize } from './stats.js';

const quick = process.argv.includes('--quick');
const P = quick
  ? { seconds: 5, rounds: 2, connections: 10, flood: 64 }
  : { seconds: 15, rounds: 4, connections: 10, flood: 64 };
const LIST = '/api/v1/deployments?per_page=20';
const SLEEP = '/bench/sleep';
const log = (line: string) => console.error(`[protection] ${line}`);

/** Bench-only: holds a tenant-scoped connection for 50 ms, as a database-bound slow request would. */
function sleepRoute(app: FastifyInstance, services: AppServices): void {
  app.get(SLEEP, { config: { tenant: 'required' } }, async (request) => {
    await services.tenancy.withTenant(request.tenant!, (scope) =>
      sql`select pg_sleep(0.05)`.execute(scope.db),
    );
    return { success: true };
  });
}

/** The same AccessTokens, with verify() memoized per token string: "verification cached". */
function memoizedTokens(tokens: AccessTokens): AccessTokens {
  const seen = new Map<string, Promise<Principal>>();
  return new Proxy(tokens, {
    get(target, property, receiver) {
      if (property === 'verify')
        return (token: string) => {
          let found = seen.get(token);
          if (!found) seen.set(token, (found = target.verify(token)));
          return found;
        };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}

interface Row {
  name: string;
  results: LoadResult[];
}
const rps = (rs: LoadResult[]) =>
  rs.reduce((n, r) => n + r.responses, 0) / rs.reduce((n, r) => n + r.seconds, 0);
const fails = (rs: LoadResult[]) => rs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
const ms = (n: number) => n.toFixed(1);
function line(row: Row, reference?: Row): string {
  const l = summarize(row.results.map((r) => r.latencies));
  const ratio = reference ? (rps(row.results) / rps(reference.results)).toFixed(3) : '1';
  return `| ${row.name} | ${rps(row.results).toFixed(0)} | ${ms(l.p50)} | ${ms(l.p95)} | ${ratio} | ${fails(row.results)} |`;
}
const HEAD = '| target | req/s | p50 ms | p95 ms | rps ratio | failures |\n|---|---|---|---|---|---|';

/** Alternates the jobs for `rounds` rounds so drift on a noisy machine hits each alike. */
async function alternate(jobs: Array<{ name: string; job: RequestLoadJob }>): Promise<Row[]> {
  const rows = jobs.map(({ name }) => ({ name, results: [] as LoadResult[] }));
  for (const { job } of jobs) await runRequestLoad({ ...job, durationSeconds: 2 }); // warm-up
  for (let round = 0; round < P.rounds; round++)
    for (const [i, { job }] of jobs.entries()) rows[i]!.results.push(await runRequestLoad(job));
  return rows;
}

async function cacheLookups(services: AppServices): Promise<Record<string, number>> {
  const metric = await services.metrics.cacheLookups.get();
  const out: Record<string, number> = {};
  for (const v of metric.values) out[String(v.labels.result)] = (out[String(v.labels.result)] ?? 0) + v.value;
  return out;
}

async function main() {
  const instance = await startBenchInstance({
    connectionCap: 60,
    provisioningConcurrency: 4,
    env: {},
    extraRoutes: sleepRoute,
    log,
  });
  const machine = describeMachine(`PostgreSQL ${instance.postgres.version} (${instance.postgres.source})`);
  const apps: FastifyInstance[] = [];
  try {
    const services = instance.services;
    const bare = instance.baseUrl; // protection: false
    const protectedApp = await buildApp(services, instance.edge, { extraRoutes: sleepRoute });
    const cachedTokensApp = await buildApp(
      { ...services, tokens: memoizedTokens(services.tokens) },
      instance.edge,
      { protection: false },
    );
    apps.push(protectedApp, cachedTokensApp);
    const guarded = await listen(protectedApp);
    const cachedTokens = await listen(cachedTokensApp);

    log('seeding tenants');
    const [list, create, flood] = await seedTenants(
      services,
      [
        { id: 'prot-list', isolation: 'pool', deployments: 1000 },
        { id: 'prot-create', isolation: 'pool', deployments: 0 },
        { id: 'prot-flood', isolation: 'pool', deployments: 0 },
      ],
      3,
      () => undefined,
    );
    // A limit too high to bite instead of null, so the limiter still runs (null skips it).
    await services.tenancy.platformDb
      .updateTable('platform.tenants')
      .set({ limit_overrides: JSON.stringify({ api_per_minute: 100_000_000 }) })
      .execute();
    for (const t of [list!, create!, flood!]) services.tenancy.registry.invalidate(t.id);
    const check = await fetch(`${guarded}${LIST}`, { headers: { authorization: `Bearer ${list!.token}` } });
    if (check.status !== 200 || !check.headers.get('x-ratelimit-limit'))
      throw new Error(`list check: ${check.status} ${await check.text()}`);

    const job = (
      baseUrl: string,
      shape: RequestLoadJob['shapes'][0],
      extra: Partial<RequestLoadJob> = {},
    ) => ({
      baseUrl,
      connections: P.connections,
      durationSeconds: P.seconds,
      shapes: [shape],
      ...extra,
    });
    const listShape = { method: 'GET' as const, path: LIST, token: list!.token };
    const createShape = {
      method: 'POST' as const,
      path: '/api/v1/deployments',
      token: create!.token,
      body: { project_name: 'x', status: 'pending' },
    };

    log('(a) overhead: list (miss path) and create, with vs without protection');
    const [listBare, listGuarded, createBare, createGuarded] = await alternate([
      { name: 'list, protection off', job: job(bare, listShape, { uniqueQuery: true }) },
      { name: 'list, protection on (cache miss)', job: job(guarded, listShape, { uniqueQuery: true }) },
      { name: 'create, protection off', job: job(bare, createShape, { uniqueBody: true }) },
      { name: 'create, protection on', job: job(guarded, createShape, { uniqueBody: true }) },
    ]);

    log('(b) cache: repeated reads of one URL');
    const before = await cacheLookups(services);
    const [repeated] = await alternate([
      { name: 'list, protection on, same URL (cache)', job: job(guarded, listShape) },
    ]);
    const after = await cacheLookups(services);
    const hits = (after.hit ?? 0) - (before.hit ?? 0);
    const misses = (after.miss ?? 0) - (before.miss ?? 0);

    log('(c) fairness: B alone, then B while A floods pg_sleep');
    const bJob = job(guarded, listShape, { uniqueQuery: true, durationSeconds: P.seconds * 2 });
    const bAlone = await runRequestLoad(bJob);
    const [aFlood, bShared] = await Promise.all([
      runRequestLoad({
        baseUrl: guarded,
        connections: P.flood,
        durationSeconds: P.seconds * 2 + 2,
        shapes: [{ method: 'GET', path: SLEEP, token: flood!.token }],
      }),
      new Promise((r) => setTimeout(r, 1000)).then(() => runRequestLoad(bJob)),
    ]);

    log('(d) token verification: list with verify vs verify memoized (both protection off)');
    const [verified, memoized] = await alternate([
      { name: 'list, token verified', job: job(bare, listShape) },
      { name: 'list, verification cached', job: job(cachedTokens, listShape) },
    ]);

    const sBalone = summarize([bAlone.latencies]);
    const sBshared = summarize([bShared.latencies]);
    const sRepeat = summarize(repeated!.results.map((r) => r.latencies));
    const sMiss = summarize(listGuarded!.results.map((r) => r.latencies));
    const overhead = (a: Row, b: Row) => ((1 - rps(b.results) / rps(a.results)) * 100).toFixed(1);
    machine.loadEnd = os.loadavg()[0]!;
    const md = [
      `## Protection stack (issues 3, 4) — ${quick ? '--quick' : 'full'}`,
      '',
      `Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.node}, ${machine.postgres}, code ${machine.code}; ` +
        `load average ${machine.loadStart.toFixed(2)} → ${machine.loadEnd.toFixed(2)} (shared, noisy machine).`,
      `Each target: ${P.rounds} alternating rounds × ${P.seconds} s, ${P.connections} connections, autocannon in a child process; ` +
        'pool tenants (enterprise, api_per_minute raised to 1e8 so the limiter runs but never refuses), 1,000 deployments on the list tenant.',
      '',
      '### (a) Overhead (list on the cache miss path: unique `created_to` per request)',
      '',
      HEAD,
      line(listBare!),
      line(listGuarded!, listBare),
      line(createBare!),
      line(createGuarded!, createBare),
      '',
      `List overhead: **${overhead(listBare!, listGuarded!)}%** throughput (goal < 10%); create overhead: **${overhead(createBare!, createGuarded!)}%**.`,
      '',
      '### (b) Cache (same URL repeated)',
      '',
      HEAD,
      line(repeated!, listGuarded),
      '',
      `Hit rate ${((hits / Math.max(1, hits + misses)) * 100).toFixed(1)}% (${hits} hits, ${misses} misses, from the cache lookup counter; goal > 80%). ` +
        `p50 ${ms(sRepeat.p50)} vs ${ms(sMiss.p50)} ms, p95 ${ms(sRepeat.p95)} vs ${ms(sMiss.p95)} ms on the miss path.`,
      '',
      '### (c) Fairness (tenant A floods `select pg_sleep(0.05)` in its scope)',
      '',
      `| | responses | req/s | p50 ms | p95 ms | failures | statuses |\n|---|---|---|---|---|---|---|`,
      ...[
        ['B alone', bAlone],
        ['B while A floods', bShared],
        [`A flood (${P.flood} conns)`, aFlood],
      ].map(([name, r]) => {
        const x = r as LoadResult;
        const s = summarize([x.latencies]);
        return `| ${name as string} | ${x.responses} | ${(x.responses / x.seconds).toFixed(0)} | ${ms(s.p50)} | ${ms(s.p95)} | ${x.non2xx + x.errors + x.timeouts} | ${JSON.stringify(x.statuses)} |`;
      }),
      '',
      `B p95 ratio shared/alone: **${(sBshared.p95 / sBalone.p95).toFixed(2)}×** (goal ≤ 2×, no errors for B).`,
      '',
      '### (d) Token verification (protection off on both)',
      '',
      HEAD,
      line(memoized!),
      line(verified!, memoized),
      '',
      `Verification cost: **${overhead(memoized!, verified!)}%** throughput (goal < 5%).`,
      '',
    ].join('\n');
    console.log(md);
    await writeFile(new URL('./results/protection.md', import.meta.url), md);
  } finally {
    for (const app of apps) await app.close();
    await instance.destroy();
  }
}

await main();
