import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORECAST_METHODS, RUN_STATUSES } from '../../src/modules/forecasting/forecasting.tables.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { cursorWalk, expectInvalid, expectWalkOf } from '../support/cursor-walk.js';
import { TIER_OF } from '../support/identity-api.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';
import { demandRows, type ForecastingClient, forecastingClient } from './forecasting-calls.js';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const RUNS = 25;
let tb: TestInstance;
const clients = new Map<Isolation, ForecastingClient>();
const tenantOf = (isolation: Isolation) => `fcl-${isolation}`;

interface Run {
  id: string;
  status: string;
  method: string;
  created_at: string;
}

/** Runs written straight to storage, two per minute from `from` so creation times tie in pairs. */
async function insertRuns(isolation: Isolation, count: number, from: number): Promise<void> {
  const tenant = (await tb.services.tenancy.registry.load(tenantOf(isolation) as TenantId))!;
  await tb.services.tenancy.withTenant(tenant, (scope) =>
    scope.db
      .insertInto('forecast_runs')
      .values(
        Array.from({ length: count }, (_, i) => ({
          tenant_id: scope.tenantId,
          id: randomUUID(),
          status: RUN_STATUSES[i % RUN_STATUSES.length]!,
          method: FORECAST_METHODS[i % FORECAST_METHODS.length]!,
          horizon_days: 7,
          season_length: 7,
          holdout_days: 7,
          item_ids: ['sku-1'],
          item_count: 1,
          items_done: 0,
          created_at: new Date(from + Math.floor(i / 2) * 60_000),
        })),
      )
      .execute(),
  );
}

/** Forecast points of `items` (each `days` days from `first`) in run `runId`, written straight to storage. */
async function insertPoints(isolation: Isolation, runId: string, items: string[], first: string, days = 3) {
  const tenant = (await tb.services.tenancy.registry.load(tenantOf(isolation) as TenantId))!;
  const units = Array.from({ length: days }, (_, i) => i + 1);
  await tb.services.tenancy.withTenant(tenant, (scope) =>
    scope.db
      .insertInto('forecast_points')
      .values(
        items.map((item_id) => ({
          tenant_id: scope.tenantId,
          run_id: runId,
          item_id,
          first_date: first,
          units,
          lower_80: units,
          upper_80: units,
          lower_95: units,
          upper_95: units,
          method: 'naive',
        })),
      )
      .execute(),
  );
}

beforeAll(async () => {
  tb = await startTestInstance();
  for (const isolation of ISOLATIONS) {
    const id = tenantOf(isolation);
    await tb.createTenant({ id, isolation, tier: TIER_OF[isolation] });
    clients.set(isolation, forecastingClient(tb, await tb.login(`owner@${id}.test`, 'owner-password-1', id)));
    await insertRuns(isolation, RUNS, T0);
  }
}, 180_000);
afterAll(() => tb?.destroy());

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
const itemIds = (rows: Array<{ item_id: string }>) => rows.map((r) => r.item_id);

describe.for(ISOLATIONS)('forecasting lists by cursor in a %s tenant', (isolation) => {
  const all = async <Row>(url: string): Promise<Row[]> => {
    const response = await clients.get(isolation)!.get(`${url}${url.includes('?') ? '&' : '?'}per_page=100`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data as Row[];
  };

  it('walks forecast runs in every sort exactly as the page list orders them', async () => {
    const api = clients.get(isolation)!;
    for (const sort of ['-created_at', 'created_at', 'status', 'name', '-name']) {
      const whole = ids(await all<Run>(`/forecast-runs?sort=${sort}`));
      expect(whole.length).toBeGreaterThanOrEqual(RUNS);
      const walked = await cursorWalk<Run>(api.get, `/forecast-runs?sort=${sort}&limit=4`);
      expect(ids(walked), sort).toEqual(whole);
    }
    const first = (await api.get('/forecast-runs?limit=3')).json();
    expect(first.pagination).toMatchObject({ limit: 3, has_next: true });
    expect(typeof first.pagination.cursor).toBe('string');
    expect(ids(first.data)).toEqual(ids(await all<Run>('/forecast-runs')).slice(0, 3));
  });

  it('neither skips nor repeats a run when runs are created during a walk', async () => {
    const api = clients.get(isolation)!;
    for (const sort of ['-created_at', 'created_at']) {
      const before = ids(await all<Run>(`/forecast-runs?sort=${sort}`));
      let batch = 0;
      // Newer and older runs than any seeded one land on both sides of the walk's position.
      const walked = await cursorWalk<Run>(api.get, `/forecast-runs?sort=${sort}&limit=5`, async () => {
        batch++;
        await insertRuns(isolation, 2, T0 + (batch % 2 === 0 ? 1 : -1) * batch * 86_400_000);
      });
      const after = ids(await all<Run>(`/forecast-runs?sort=${sort}`));
      expectWalkOf(ids(walked), before, after);
    }
  });

  it('filters runs by status, creation time and method, in page and cursor mode', async () => {
    const api = clients.get(isolation)!;
    const done = await cursorWalk<Run>(api.get, '/forecast-runs?status=done&limit=2');
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((r) => r.status === 'done')).toBe(true);

    const from = new Date(T0 + 2 * 60_000).toISOString();
    const to = new Date(T0 + 5 * 60_000).toISOString();
    const window = `/forecast-runs?created_from=${from}&created_to=${to}&sort=created_at`;
    const paged = await api.get(`${window}&per_page=100`);
    expect(paged.json().pagination).toMatchObject({ total: 8, page: 1 });
    const inWindow = (paged.json().data as Run[]).map((r) => r.created_at);
    expect(inWindow.every((at) => at >= from && at <= to)).toBe(true);
    expect(inWindow).toEqual([...inWindow].sort());
    expect(ids(await cursorWalk<Run>(api.get, `${window}&limit=3`))).toEqual(ids(paged.json().data));

    const ets = await cursorWalk<Run>(api.get, '/forecast-runs?q=ets&limit=4');
    expect(ets.length).toBeGreaterThan(0);
    expect(ets.every((r) => r.method === 'ets')).toBe(true);
    const statuses = (await all<Run>('/forecast-runs?sort=status')).map((r) => r.status);
    expect(statuses).toEqual([...statuses].sort());
  });

  it('refuses cursor with page, a foreign or garbage cursor, and limit above 100', async () => {
    const api = clients.get(isolation)!;
    const cursor = (await api.get('/forecast-runs?limit=2')).json().pagination.cursor as string;
    expectInvalid(await api.get(`/forecast-runs?cursor=${cursor}&page=1`), 'cursor');
    expectInvalid(await api.get(`/forecast-runs?cursor=${cursor}&sort=status`), 'cursor');
    expectInvalid(await api.get('/forecast-runs?cursor=bm90LWEtY3Vyc29y'), 'cursor');
    expectInvalid(await api.get('/forecast-runs?limit=101'), 'querystring.limit');
    const demandCursor = (await api.get('/demand/items?limit=1')).json().pagination?.cursor;
    for (const url of ['/demand', '/demand/items']) {
      expectInvalid(await api.get(`${url}?cursor=%%%garbage`), 'cursor');
      expectInvalid(await api.get(`${url}?cursor=${cursor}`), 'cursor');
      expectInvalid(await api.get(`${url}?limit=101`), 'querystring.limit');
      if (demandCursor) expectInvalid(await api.get(`${url}?cursor=${demandCursor}&page=2`), 'cursor');
    }
    const forged = Buffer.from(JSON.stringify({ s: 'item_id,date', v: ['sku-a', '2026-02-30'] })).toString(
      'base64url',
    );
    expectInvalid(await api.get(`/demand?cursor=${forged}`), 'cursor');
  });

  it('walks demand and demand items by cursor, also while demand arrives', { timeout: 60_000 }, async () => {
    const api = clients.get(isolation)!;
    const items = ['sku-m', 'sku-c', 'sku-x', 'sku-a', 'sku-q', 'sku-f', 'sku-t'];
    const rows = items.flatMap((item, i) => demandRows(item, 4 + i, '2026-03-31', 10 + ((i * 7) % 5)));
    expect((await api.post('/demand', { rows })).statusCode).toBe(200);

    for (const sort of ['item_id', '-item_id', 'total_units', '-total_units', 'last_date', '-last_date']) {
      const whole = itemIds(await all<{ item_id: string }>(`/demand/items?sort=${sort}`));
      const walked = await cursorWalk<{ item_id: string }>(api.get, `/demand/items?sort=${sort}&limit=2`);
      expect(itemIds(walked), sort).toEqual(whole);
    }
    const searched = await cursorWalk<{ item_id: string }>(api.get, '/demand/items?q=SKU-&limit=3');
    expect(itemIds(searched)).toEqual([...items].sort());

    const beforeItems = itemIds(await all<{ item_id: string }>('/demand/items'));
    let n = 0;
    const walkedItems = await cursorWalk<{ item_id: string }>(api.get, '/demand/items?limit=2', async () => {
      n++;
      const added = [`sku-${String.fromCharCode(97 + n)}${n}`, `sku-zz${n}`];
      const posted = await api.post('/demand', { rows: added.flatMap((item) => demandRows(item, 1)) });
      expect(posted.statusCode).toBe(200);
    });
    expectWalkOf(
      walkedItems.map((r) => r.item_id),
      beforeItems,
      itemIds(await all('/demand/items')),
    );

    const key = (r: { item_id: string; date: string }) => `${r.item_id}/${r.date}`;
    type Point = { item_id: string; date: string };
    const beforePoints = (await all<Point>('/demand?item_id=sku-x')).map(key);
    const walkedPoints = await cursorWalk<Point>(api.get, '/demand?item_id=sku-x&limit=3', async (page) => {
      const days = demandRows('sku-x', 1, `2026-0${page % 2 === 0 ? 4 : 1}-0${page + 1}`);
      expect((await api.post('/demand', { rows: days })).statusCode).toBe(200);
    });
    expectWalkOf(walkedPoints.map(key), beforePoints, (await all<Point>('/demand?item_id=sku-x')).map(key));

    const fromTo = '/demand?from=2026-03-29&to=2026-03-31';
    const wholePoints = (await all<Point>(fromTo)).map(key);
    expect((await cursorWalk<Point>(api.get, `${fromTo}&limit=4`)).map(key)).toEqual(wholePoints);
  });

  it("walks a run's forecasts by cursor as the page list orders them, also while items are written", async () => {
    const api = clients.get(isolation)!;
    const runId = ids(await all<Run>('/forecast-runs?sort=created_at'))[0]!;
    await insertPoints(isolation, runId, ['p-m', 'p-c', 'p-x', 'p-a'], '2026-04-01', 5);
    type Point = { item_id: string; date: string };
    const key = (r: Point) => `${r.item_id}/${r.date}`;
    const url = `/forecast-runs/${runId}/forecasts`;
    const whole = (await all<Point>(url)).map(key);
    expect(whole).toHaveLength(20);
    expect(whole).toEqual([...whole].sort());
    for (const limit of [1, 3, 7, 20, 100]) {
      expect((await cursorWalk<Point>(api.get, `${url}?limit=${limit}`)).map(key), `limit ${limit}`).toEqual(
        whole,
      );
    }
    const one = (await all<Point>(`${url}?item_id=p-x`)).map(key);
    expect((await cursorWalk<Point>(api.get, `${url}?item_id=p-x&limit=2`)).map(key)).toEqual(one);

    let n = 0;
    const walked = await cursorWalk<Point>(api.get, `${url}?limit=4`, async () => {
      if (++n > 3) return;
      // Items before and after the walk's position, and between the seeded ones.
      await insertPoints(
        isolation,
        runId,
        [`p-${String.fromCharCode(97 + n)}${n}`, `p-z${n}`, `p-0${n}`],
        '2026-04-01',
      );
    });
    expectWalkOf(walked.map(key), whole, (await all<Point>(`${url}?page=1`)).map(key));

    const cursor = (await api.get(`${url}?limit=2`)).json().pagination.cursor as string;
    expectInvalid(await api.get(`${url}?cursor=${cursor}&page=1`), 'cursor');
    expectInvalid(await api.get(`${url}?cursor=%%%garbage`), 'cursor');
    const runCursor = (await api.get('/forecast-runs?limit=1')).json().pagination.cursor as string;
    expectInvalid(await api.get(`${url}?cursor=${runCursor}`), 'cursor');
    expectInvalid(await api.get(`${url}?limit=101`), 'querystring.limit');
    expectInvalid(await api.get(`${url}?limit=0`), 'querystring.limit');
    const paged = (await api.get(url)).json().pagination;
    expect(paged).toMatchObject({ page: 1, per_page: 20, has_prev: false });
    expect(paged.cursor).toBeUndefined();
  });
});

describe('a cursor made in another tenant', () => {
  it("pages only the caller's runs: a cursor carries positions, never a tenant", async () => {
    const whole = async (isolation: Isolation) =>
      ids((await clients.get(isolation)!.get('/forecast-runs?per_page=100')).json().data as Run[]);
    for (const from of ISOLATIONS) {
      const cursor = (await clients.get(from)!.get('/forecast-runs?limit=3')).json().pagination
        .cursor as string;
      const theirs = new Set(await whole(from));
      for (const to of ISOLATIONS.filter((isolation) => isolation !== from)) {
        const mine = new Set(await whole(to));
        const page = await clients
          .get(to)!
          .get(`/forecast-runs?limit=100&cursor=${encodeURIComponent(cursor)}`);
        expect(page.statusCode, page.body).toBe(200);
        const seen = ids(page.json().data as Run[]);
        expect(seen.length).toBeGreaterThan(0);
        expect(
          seen.every((id) => mine.has(id) && !theirs.has(id)),
          `${from} → ${to}`,
        ).toBe(true);
      }
    }
  });
});
