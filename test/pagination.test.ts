import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SORTS } from '../src/modules/listing/list-query.schema.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { lister, type Row, SEEDED, seedListTenant, sortedIds, T0 } from './support/list-fixtures.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
let token: string;
const list = lister(
  () => tb,
  () => token,
);

async function all(isolation: Isolation): Promise<Row[]> {
  const body = (await list(isolation, { per_page: 100 })).json();
  expect(body.pagination.total).toBe(body.data.length);
  return body.data;
}

beforeAll(async () => {
  tb = await startTestInstance();
  token = await tb.adminToken();
  await Promise.all(ISOLATIONS.map((isolation) => seedListTenant(tb, isolation)));
});
afterAll(async () => {
  await tb?.destroy();
});

describe.for(ISOLATIONS)('deployments list in %s isolation', (isolation) => {
  it('pages with page/per_page and complete metadata', async () => {
    const expected = sortedIds(await all(isolation), '-created_at');
    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push((await list(isolation, { page, per_page: 10 })).json());
    expect(pages.map((body) => body.pagination)).toEqual([
      { page: 1, per_page: 10, total: SEEDED, total_pages: 3, has_next: true, has_prev: false },
      { page: 2, per_page: 10, total: SEEDED, total_pages: 3, has_next: true, has_prev: true },
      { page: 3, per_page: 10, total: SEEDED, total_pages: 3, has_next: false, has_prev: true },
      { page: 4, per_page: 10, total: SEEDED, total_pages: 3, has_next: false, has_prev: true },
    ]);
    expect(pages.flatMap((body) => body.data.map((row: Row) => row.id))).toEqual(expected);
    expect((await list(isolation, {})).json().pagination).toMatchObject({ page: 1, per_page: 20 });
  });

  it('refuses per_page above 100 and accepts 100', async () => {
    const refused = await list(isolation, { per_page: 101 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    expect(refused.json().error.details[0].path).toMatch(/per_page$/);
    expect((await list(isolation, { per_page: 100 })).statusCode).toBe(200);
  });

  it.for(SORTS)('sorts by %s, ties broken by id', async (sort) => {
    const rows = await all(isolation);
    const response = await list(isolation, { sort, per_page: 100 });
    expect(response.json().data.map((row: Row) => row.id)).toEqual(sortedIds(rows, sort));
  });

  it('filters by status, name search and creation time', async () => {
    const rows = await all(isolation);
    const ids = async (query: Record<string, string>) =>
      new Set((await list(isolation, { ...query, per_page: 100 })).json().data.map((row: Row) => row.id));
    const where = (keep: (row: Row) => boolean) => new Set(rows.filter(keep).map((row) => row.id));

    expect(await ids({ status: 'active' })).toEqual(where((row) => row.status === 'active'));
    expect(await ids({ q: 'BLU' })).toEqual(where((row) => row.project_name.includes('blu')));
    expect((await ids({ q: 'BLU' })).size).toBeGreaterThan(0);
    // LIKE wildcards in q are text, not patterns.
    expect(await ids({ q: '%' })).toEqual(new Set());
    expect(await ids({ q: '_' })).toEqual(new Set());

    const from = new Date(T0 + 5 * 60_000).toISOString();
    const to = new Date(T0 + 10 * 60_000).toISOString();
    const window = where((row) => row.created_at >= from && row.created_at <= to);
    expect(window.size).toBe(12);
    expect(await ids({ created_from: from, created_to: to })).toEqual(window);
    const activeInWindow = [...window].filter((id) => rows.find((row) => row.id === id)!.status === 'active');
    const combined = await list(isolation, {
      created_from: from,
      created_to: to,
      status: 'active',
      per_page: 1,
    });
    expect(combined.json().pagination.total).toBe(activeInWindow.length);
  });
});
