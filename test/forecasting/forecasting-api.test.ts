import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANT_POLICY_EXPRESSION_PER_STATEMENT } from '../../src/tenancy/doctor/check-storage-catalogue.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';
import { demandRows, type ForecastingClient, forecastingClient, runEnded } from './forecasting-calls.js';

const TIER = { pool: 'standard', schema: 'premium', database: 'enterprise' } as const;
let tb: TestInstance;
const clients = new Map<Isolation, ForecastingClient>();

beforeAll(async () => {
  tb = await startTestInstance();
  for (const isolation of ISOLATIONS) {
    const id = `fc-${isolation}`;
    await tb.createTenant({ id, isolation, tier: TIER[isolation] });
    clients.set(isolation, forecastingClient(tb, await tb.login(`owner@${id}.test`, 'owner-password-1', id)));
  }
}, 180_000);
afterAll(() => tb?.destroy());

const invalid = (response: {
  statusCode: number;
  json(): { error: { code: string; details?: unknown[] } };
}) => {
  expect(response.statusCode).toBe(400);
  expect(response.json().error.code).toBe('VALIDATION_FAILED');
  return response.json().error.details as Array<{ path: string; message: string }>;
};

describe.for(ISOLATIONS)('forecasting in a %s tenant', (isolation) => {
  it('upserts JSON and CSV demand and lists it by day and by item', { timeout: 60_000 }, async () => {
    const api = clients.get(isolation)!;
    const a = demandRows('sku-a', 120);
    const b = demandRows('sku-b', 90, '2026-03-30', 5);
    const first = await api.post('/demand', { rows: [...a, ...b] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data).toEqual({ received: 210, inserted: 210, updated: 0 });

    // CSV: a re-posted key counts as updated; quoting and column order are the CSV's business.
    const csv = `units_sold,item_id,date\n7,"sku-a",2026-03-31\n3.5,sku-c,2026-03-01\n0,"sku, quoted",2026-03-01\n`;
    const second = await api.post('/demand', csv, 'text/csv');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().data).toEqual({ received: 3, inserted: 2, updated: 1 });

    const days = await api.get('/demand?item_id=sku-a&from=2026-03-30&to=2026-03-31');
    expect(days.statusCode).toBe(200);
    expect(days.json().data).toEqual([
      { item_id: 'sku-a', date: '2026-03-30', units_sold: a[118]!.units_sold },
      { item_id: 'sku-a', date: '2026-03-31', units_sold: 7 },
    ]);
    expect(days.json().pagination).toMatchObject({ total: 2, page: 1 });

    const items = await api.get('/demand/items?sort=-total_units');
    expect(items.json().data.map((i: { item_id: string }) => i.item_id)).toEqual([
      'sku-a',
      'sku-b',
      'sku-c',
      'sku, quoted',
    ]);
    expect(items.json().data[1]).toMatchObject({
      item_id: 'sku-b',
      days: 90,
      first_date: b[0]!.date,
      last_date: '2026-03-30',
      total_units: b.reduce((sum, r) => sum + r.units_sold, 0),
    });
    const searched = await api.get('/demand/items?q=SKU-C&per_page=1');
    expect(searched.json().data.map((i: { item_id: string }) => i.item_id)).toEqual(['sku-c']);
    const latest = await api.get('/demand/items?sort=-last_date&per_page=2&page=1');
    expect(latest.json().data[0].item_id).toBe('sku-a');
    expect(latest.json().pagination).toMatchObject({ total: 4, total_pages: 2, has_next: true });
  });

  it('fences demand with a policy that reads the tenant setting once per statement', async () => {
    const { tenancy } = tb.services;
    const tenant = (await tenancy.registry.load(`fc-${isolation}` as TenantId))!;
    const refused = await tenancy
      .withTenant(tenant, async (scope) => {
        const policy = await sql<{ qual: string; check: string }>`
          select pg_get_expr(polqual, polrelid) as qual, pg_get_expr(polwithcheck, polrelid) as check
            from pg_policy where polrelid = ${`${scope.schema}.ts_demand_daily`}::regclass`.execute(scope.db);
        expect(policy.rows).toEqual([
          { qual: TENANT_POLICY_EXPRESSION_PER_STATEMENT, check: TENANT_POLICY_EXPRESSION_PER_STATEMENT },
        ]);
        // Read once, still a fence: a row of another tenant is refused like before.
        await sql`insert into ${sql.id(scope.schema, 'ts_demand_daily')} (tenant_id, item_id, date, units_sold)
                  select t, 'fence', '2026-01-01', 1 from unnest(array[${scope.tenantId}, 'someone-else']) t`.execute(
          scope.db,
        );
      })
      .catch((error: { code?: string }) => error.code);
    expect(refused).toBe('42501');
  });

  it('refuses each kind of bad JSON row with its path, and writes nothing', async () => {
    const api = clients.get(isolation)!;
    const good = { item_id: 'bad-json', date: '2026-01-01', units_sold: 1 };
    const cases: Array<[unknown, string]> = [
      [{ ...good, date: '2026-02-30' }, 'rows[1].date'],
      [{ ...good, date: '01/02/2026' }, 'rows[1].date'],
      [{ ...good, units_sold: -1 }, 'rows[1].units_sold'],
      [{ ...good, units_sold: '12' }, 'rows[1].units_sold'],
      [{ item_id: 'bad-json', date: '2026-01-02' }, 'rows[1].units_sold'],
      [{ ...good, date: '2026-01-02', color: 'red' }, 'rows[1].color'],
      [{ ...good, item_id: '' }, 'rows[1].item_id'],
      [{ ...good, item_id: 'a\u0000b' }, 'rows[1].item_id'],
      ['not a row', 'rows[1]'],
    ];
    for (const [row, path] of cases) {
      const response = await api.post('/demand', { rows: [{ ...good, date: '2025-12-31' }, row] });
      expect(invalid(response), JSON.stringify(row)).toEqual([{ path, message: expect.any(String) }]);
    }
    const duplicate = await api.post('/demand', { rows: [good, { ...good, units_sold: 2 }, good] });
    expect(invalid(duplicate)).toEqual([
      { path: 'rows[1]', message: 'repeats the item_id and date of rows[0]' },
    ]);
    for (const body of [
      '{"rows":[',
      '{"rows":{}}',
      '{"rowz":[]}',
      '[]',
      '{"rows":[]}',
      '{"rows":[{"item_id":"x"}]} x',
    ]) {
      expect(invalid(await api.post('/demand', body)).length, body).toBe(1);
    }
    expect((await api.get('/demand/items?q=bad-json')).json().data).toEqual([]);
  });

  it('refuses each kind of bad CSV line with its line number, and writes nothing', async () => {
    const api = clients.get(isolation)!;
    const head = 'item_id,date,units_sold\nbad-csv,2026-01-01,1\n';
    const cases: Array<[string, string]> = [
      [`${head}bad-csv,2026-13-01,1\n`, 'line 3'],
      [`${head}bad-csv,2026-01-02,-4\n`, 'line 3'],
      [`${head}bad-csv,2026-01-02,many\n`, 'line 3'],
      [`${head}bad-csv,2026-01-02\n`, 'line 3'],
      [`${head}\nbad-csv,2026-01-03,1\nbad-csv,2026-01-04,1,9\n`, 'line 5'],
      ['item_id,date,units\nbad-csv,2026-01-01,1\n', 'line 1'],
      ['item_id,date\nbad-csv,2026-01-01\n', 'line 1'],
      ['', 'line 1'],
      [`${head}bad-csv,2026-01-01,2\n`, 'line 3'],
    ];
    for (const [csv, path] of cases) {
      const details = invalid(await api.post('/demand', csv, 'text/csv'));
      expect(details, csv).toEqual([{ path, message: expect.any(String) }]);
    }
    expect((await api.get('/demand/items?q=bad-csv')).json().data).toEqual([]);
  });

  it(
    'runs a forecast in the background and serves its forecasts, quality and inventory',
    { timeout: 120_000 },
    async () => {
      const api = clients.get(isolation)!;
      await api.post('/demand', {
        rows: [...demandRows('run-1', 200), ...demandRows('run-2', 150, '2026-03-31', 3)],
      });
      const started = await api.post('/forecast', {
        item_ids: ['run-1', 'run-2'],
        horizon_days: 14,
        method: 'seasonal_naive',
      });
      expect(started.statusCode, started.body).toBe(202);
      expect(started.json().data).toMatchObject({
        status: 'queued',
        method: 'seasonal_naive',
        horizon_days: 14,
        holdout_days: 14,
        item_count: 2,
        items_done: 0,
        finished_at: null,
        error: null,
      });
      const run = await runEnded(api, started.json().data.id);
      expect(run).toMatchObject({ status: 'done', items_done: 2, error: null });
      expect((await api.get('/forecast-runs')).json().data.map((r: { id: string }) => r.id)).toContain(
        run.id,
      );

      const forecasts = await api.get(`/forecast-runs/${run.id}/forecasts?item_id=run-1&per_page=100`);
      expect(forecasts.statusCode).toBe(200);
      const points = forecasts.json().data as Array<Record<string, number | string>>;
      expect(points).toHaveLength(14);
      expect(points[0]).toMatchObject({ item_id: 'run-1', date: '2026-04-01', method: 'seasonal_naive' });
      expect(points[13]!.date).toBe('2026-04-14');
      for (const p of points) {
        expect(p.lower_95).toBeGreaterThanOrEqual(0);
        expect(p.lower_95).toBeLessThanOrEqual(p.lower_80 as number);
        expect(p.lower_80).toBeLessThanOrEqual(p.units as number);
        expect(p.units).toBeLessThanOrEqual(p.upper_80 as number);
        expect(p.upper_80).toBeLessThanOrEqual(p.upper_95 as number);
      }
      expect((await api.get(`/forecast-runs/${run.id}/forecasts`)).json().pagination.total).toBe(28);
      // Pages run across items: item by item, day by day.
      const second = (await api.get(`/forecast-runs/${run.id}/forecasts?per_page=10&page=2`)).json().data;
      expect(second.map((p: { item_id: string; date: string }) => `${p.item_id} ${p.date}`)).toEqual([
        ...['11', '12', '13', '14'].map((d) => `run-1 2026-04-${d}`),
        ...['01', '02', '03', '04', '05', '06'].map((d) => `run-2 2026-04-${d}`),
      ]);
      expect(second[0]).toEqual(points[10]);

      const quality = (await api.get(`/forecast-runs/${run.id}/quality`)).json().data;
      expect(quality.items.map((i: { item_id: string }) => i.item_id)).toEqual(['run-1', 'run-2']);
      expect(quality.items[0]).toMatchObject({ method: 'seasonal_naive', holdout_days: 14 });
      for (const key of ['mape', 'wape', 'mase', 'bias']) expect(typeof quality.overall[key]).toBe('number');

      const inventory = await api.get('/inventory/run-1?lead_time_days=7&service_level=0.9');
      expect(inventory.statusCode, inventory.body).toBe(200);
      const advice = inventory.json().data;
      const firstWeek = points.slice(0, 7).reduce((sum, p) => sum + (p.units as number), 0);
      expect(advice).toMatchObject({
        item_id: 'run-1',
        lead_time_days: 7,
        service_level: 0.9,
        run_id: run.id,
      });
      expect(advice.lead_time_demand).toBeCloseTo(firstWeek, 2);
      expect(advice.safety_stock).toBeGreaterThan(0);
      expect(advice.reorder_point).toBeCloseTo(advice.lead_time_demand + advice.safety_stock, 2);
      const tooLong = await api.get('/inventory/run-1?lead_time_days=15');
      expect(invalid(tooLong)[0]!.path).toBe('querystring.lead_time_days');
      expect((await api.get('/inventory/unknown-item')).statusCode).toBe(404);
      expect((await api.get('/inventory/sku-a')).statusCode).toBe(404); // history, but no run covers it
    },
  );

  it('refuses unknown items and answers NOT_FOUND for unknown runs', async () => {
    const api = clients.get(isolation)!;
    const unknown = await api.post('/forecast', { item_ids: ['run-1', 'nope'], horizon_days: 7 });
    expect(invalid(unknown)).toEqual([{ path: 'item_ids[1]', message: 'has no demand history' }]);
    for (const url of [
      '/forecast-runs/0190a0a0-0000-7000-8000-000000000000',
      '/forecast-runs/not-a-uuid/quality',
    ]) {
      expect((await api.get(url)).json().error.code).toBe('NOT_FOUND');
    }
  });
});

it('seasonal naive learns its interval width from the last 8 seasons before the holdout, not older days', async () => {
  const api = clients.get('pool')!;
  const rows = demandRows('steady', 200).map((row, i) => ({ ...row, units_sold: i === 20 ? 10_000 : 10 }));
  expect((await api.post('/demand', { rows })).statusCode).toBe(200);
  const started = await api.post('/forecast', {
    item_ids: ['steady'],
    horizon_days: 7,
    method: 'seasonal_naive',
  });
  const run = await runEnded(api, started.json().data.id);
  expect(run).toMatchObject({ status: 'done', items_done: 1 });
  const points = (await api.get(`/forecast-runs/${run.id}/forecasts?item_id=steady`)).json().data;
  expect(points).toHaveLength(7);
  // The spike 180 days back is outside the 7 + 8 × 7 days read, so every residual is 0.
  for (const p of points) expect(p).toMatchObject({ units: 10, lower_95: 10, upper_95: 10 });
  const quality = (await api.get(`/forecast-runs/${run.id}/quality`)).json().data;
  expect(quality.items).toEqual([
    { item_id: 'steady', method: 'seasonal_naive', mape: 0, wape: 0, mase: null, bias: 0, holdout_days: 7 },
  ]);
});
