/**
 * Profiles the database side of demand ingest and of a seasonal-naive chunk's read and write per
 * isolation model, interleaved so the machine's load falls on every model alike, with the CPU
 * the ingest's PostgreSQL backend spent (what load does not change). Not a goal bench: a tool
 * for telling a model's own cost from noise. `npx tsx bench/forecasting-profile.ts [--items 1000]
 * [--rounds 3] [--models pool,schema] [--stages]` (`--stages`: COPY, overlap probe and INSERT apart).
 */
import { createReadStream, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createTenant } from '../src/modules/tenants/create-tenant.js';
import { ingestDemand } from '../src/modules/forecasting/ingest-demand.js';
import { readHistories } from '../src/modules/forecasting/forecast-histories.js';
import { writeForecasts } from '../src/modules/forecasting/write-forecasts.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { startBenchInstance } from './bench-instance.js';
import { processCpuMs } from './cpu-meter.js';
import { untilProvisioned } from './seed-tenants.js';

const argValue = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const ITEMS = Number(argValue('--items') ?? 1000);
const ROUNDS = Number(argValue('--rounds') ?? 3);
const MODELS = (argValue('--models')?.split(',') ?? ['pool', 'schema', 'database']) as Isolation[];
const DAYS = 730;
const log = (line: string) => console.error(`[profile] ${line}`);

function spool(round: number): string {
  const file = path.join(os.tmpdir(), `fc-profile-${process.pid}-${round}.copy`);
  const lines: string[] = [];
  const first = Date.UTC(2020, 0, 1) + round * DAYS * 86_400_000;
  for (let item = 0; item < ITEMS; item++)
    for (let d = 0; d < DAYS; d++)
      lines.push(
        `item-${String(item).padStart(5, '0')}\t${new Date(first + d * 86_400_000).toISOString().slice(0, 10)}\t${(item + d) % 17}\t${item * DAYS + d + 2}\n`,
      );
  writeFileSync(file, lines.join(''));
  return file;
}

function rangesOf(round: number) {
  const first = Date.UTC(2020, 0, 1) + round * DAYS * 86_400_000;
  const items = Array.from({ length: ITEMS }, (_, i) => `item-${String(i).padStart(5, '0')}`);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    items,
    first: items.map(() => day(first)),
    last: items.map(() => day(first + (DAYS - 1) * 86_400_000)),
  };
}

async function main() {
  const instance = await startBenchInstance({
    provisioningConcurrency: 2,
    env: {},
    extraRoutes: () => undefined,
    log,
  });
  const { services } = instance;
  try {
    const targets = new Map<Isolation, Parameters<typeof services.tenancy.withTenant>[0]>();
    for (const isolation of MODELS) {
      const id = `pf-${isolation}`;
      const created = await createTenant(services.tenancy, {
        id,
        name: id,
        tier: 'enterprise',
        isolation,
        admin_email: `o@${id}.bench`,
        admin_password: 'bench-password-123',
      });
      const row = await untilProvisioned(services, created.id);
      targets.set(isolation, { ...row, tier: 'enterprise' } as never);
    }
    const times = new Map<string, number[]>();
    const note = (key: string, ms: number) => times.set(key, [...(times.get(key) ?? []), ms]);
    for (let round = 0; round < ROUNDS; round++) {
      const file = spool(round);
      for (const isolation of round % 2 ? [...MODELS].reverse() : MODELS) {
        const target = targets.get(isolation)!;
        const t0 = performance.now();
        let pid = 0;
        let cpu0 = 0;
        await services.tenancy.withTenant(target, async (scope) => {
          pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(scope.db)).rows[0]!.pid;
          cpu0 = processCpuMs(pid);
          if (!process.argv.includes('--stages'))
            return ingestDemand(scope, { file, rows: ITEMS * DAYS, format: 'csv' });
          let c = processCpuMs(pid);
          const stage = (name: string) => {
            const now = processCpuMs(pid);
            note(`${isolation} stage ${name}`, now - c);
            c = now;
          };
          await sql`create temporary table demand_staging (item_id text not null, date date not null, units_sold numeric not null, origin bigint not null) on commit drop`.execute(
            scope.db,
          );
          await scope.copyFrom('copy pg_temp.demand_staging from stdin', createReadStream(file));
          stage('copy');
          // The probe both ways: an aggregate over the staged rows, and the ranges the spooling collects.
          const probe = (ranges: ReturnType<typeof sql>) =>
            sql`select exists (select from (${ranges}) r where exists (select from ${sql.id(scope.schema, 'ts_demand_daily')} d where d.tenant_id = ${scope.tenantId} and d.item_id = r.item_id and d.date between r.first_day and r.last_day)) as overlap`.execute(
              scope.db,
            );
          await probe(
            sql`select item_id, min(date) as first_day, max(date) as last_day from pg_temp.demand_staging group by item_id`,
          );
          stage('overlap by aggregate');
          const r = rangesOf(round);
          await probe(
            sql`select * from unnest(${r.items}::text[], ${r.first}::date[], ${r.last}::date[]) as u(item_id, first_day, last_day)`,
          );
          stage('overlap by ranges');
          await sql`insert into ${sql.id(scope.schema, 'ts_demand_daily')} (tenant_id, item_id, date, units_sold) select ${scope.tenantId}::text, item_id, date, units_sold from pg_temp.demand_staging`.execute(
            scope.db,
          );
          stage('insert');
          return undefined;
        });
        note(`${isolation} ingest`, performance.now() - t0);
        note(`${isolation} ingest backend CPU`, processCpuMs(pid) - cpu0);
      }
      rmSync(file);
    }
    const items = Array.from({ length: ITEMS }, (_, i) => `item-${String(i).padStart(5, '0')}`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const isolation of round % 2 ? [...MODELS].reverse() : MODELS) {
        const target = targets.get(isolation)!;
        const runId = crypto.randomUUID();
        await services.tenancy.withTenant(target, (scope) =>
          scope.db
            .insertInto('forecast_runs')
            .values({
              tenant_id: scope.tenantId,
              id: runId,
              status: 'running',
              method: 'seasonal_naive',
              horizon_days: 28,
              season_length: 7,
              holdout_days: 28,
              item_ids: items,
              item_count: items.length,
              items_done: 0,
              created_at: new Date(),
            })
            .execute(),
        );
        const t0 = performance.now();
        const series = await services.tenancy.withTenant(target, (scope) =>
          readHistories(scope, items, 28 + 56),
        );
        const t1 = performance.now();
        const forecasts = series.map((s) => ({
          itemId: s.itemId,
          method: 'seasonal_naive',
          model: 'seasonal_naive(7)',
          points: Array.from({ length: 28 }, (_, h) => ({
            units: s.values[s.values.length - 7 + (h % 7)]!,
            lower80: 0,
            upper80: 9,
            lower95: 0,
            upper95: 12,
          })),
          quality: {
            mape: 0.2,
            wape: 0.2,
            mase: 1,
            bias: 0,
            holdoutDays: 28,
            absErrorSum: 1,
            actualSum: 2,
            forecastSum: 2,
            apeSum: 1,
            apeCount: 28,
            coverage80: 0.8,
            coverage95: 0.95,
          },
        }));
        await services.tenancy.withTenant(target, (scope) =>
          writeForecasts(scope, runId, 0, series, forecasts as never, items.length),
        );
        const t2 = performance.now();
        note(`${isolation} read`, t1 - t0);
        note(`${isolation} write`, t2 - t1);
      }
    }
    for (const [key, list] of times)
      log(`${key}: ${list.map((v) => v.toFixed(0)).join(', ')} ms (min ${Math.min(...list).toFixed(0)})`);
    // Plans of the hot statements, per model.
    for (const isolation of MODELS) {
      await services.tenancy
        .withTenant(targets.get(isolation)!, async (scope) => {
          const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers, costs off)
          select i.item_id, (select count(*) from ${sql.id(scope.schema, 'ts_demand_daily')} d where d.tenant_id = ${scope.tenantId} and d.item_id = i.item_id) from unnest(${items.slice(0, 200)}::text[]) i(item_id)`.execute(
            scope.db,
          );
          log(`${isolation} plan:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
          throw new Error('rollback');
        })
        .catch(() => undefined);
    }
  } finally {
    await instance.destroy();
  }
}
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
