import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOYMENT_STATUSES } from '../src/modules/deployments/deployments.tables.js';
import { SORTS } from '../src/modules/listing/list-query.schema.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { listTenant, lister, nameOf, type Row, seedListTenant, sortedIds } from './support/list-fixtures.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
let token: string;
let inserts = 0;
const list = lister(
  () => tb,
  () => token,
);

async function all(isolation: Isolation): Promise<Row[]> {
  const body = (await list(isolation, { per_page: 100 })).json();
  expect(body.pagination.total).toBe(body.data.length);
  return body.data;
}

/** A new row through the API, its name and status spread over the sort range. */
async function insert(isolation: Isolation): Promise<string> {
  inserts += 1;
  const response = await tb.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: { authorization: `Bearer ${token}`, 'x-tenant-id': listTenant(isolation) },
    payload: {
      project_name: nameOf(inserts * 11),
      status: DEPLOYMENT_STATUSES[inserts % DEPLOYMENT_STATUSES.length],
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().data.id;
}

beforeAll(async () => {
  tb = await startTestInstance();
  token = await tb.adminToken();
  await Promise.all(ISOLATIONS.map((isolation) => seedListTenant(tb, isolation)));
});
afterAll(async () => {
  await tb?.destroy();
});

describe.for(ISOLATIONS)('cursor pages in %s isolation', (isolation) => {
  it.for(SORTS)('by %s never skip or repeat a row while rows are inserted', async (sort) => {
    const original = await all(isolation);
    const seen: string[] = [];
    const inserted = new Set<string>();
    let cursor: string | null = null;
    let fetches = 0;
    do {
      // Seven splits pairs of rows created in the same millisecond across pages, both ways.
      const response = await list(isolation, { sort, limit: 7, cursor: cursor ?? undefined });
      const body = response.json() as {
        data: Row[];
        pagination: { cursor: string | null; has_next: boolean };
      };
      expect(body.pagination.has_next).toBe(body.pagination.cursor !== null);
      seen.push(...body.data.map((row) => row.id));
      cursor = body.pagination.cursor;
      inserted.add(await insert(isolation));
    } while (cursor !== null && ++fetches < 20);

    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    const originalIds = new Set(original.map((row) => row.id));
    expect(seen.filter((id) => originalIds.has(id))).toEqual(sortedIds(original, sort));
    expect(seen.filter((id) => !originalIds.has(id)).every((id) => inserted.has(id))).toBe(true);
    // Newest first: rows inserted meanwhile sort before the cursor, so the pages are exactly the original set.
    if (sort === '-created_at') expect(seen).toEqual(sortedIds(original, sort));
  });
});

describe('list parameters', () => {
  const isolation: Isolation = 'pool';

  it('refuses a cursor this list did not produce', async () => {
    const first = (await list(isolation, { limit: 5 })).json();
    expect(first.pagination.cursor).toEqual(expect.any(String));
    for (const query of [
      { cursor: 'not-a-cursor' },
      { cursor: first.pagination.cursor, sort: 'name' },
      { cursor: first.pagination.cursor, page: 2 },
    ]) {
      const response = await list(isolation, query);
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ path: 'cursor' }],
      });
    }
  });

  it.for([
    ['per_page', { per_page: 0 }],
    ['page', { page: 0 }],
    ['limit', { limit: 101 }],
    ['sort', { sort: 'bogus' }],
    ['status', { status: 'bogus' }],
    ['created_from', { created_from: 'yesterday' }],
    ['created_to', { created_to: '2024-13-45' }],
    ['colour', { colour: 'blue' }],
  ] as const)('refuses a bad %s with VALIDATION_FAILED naming it', async ([field, query]) => {
    const response = await list(isolation, query);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((detail: { path: string }) => detail.path)).toContainEqual(
      expect.stringMatching(new RegExp(`(^|\\.)${field}$`)),
    );
  });

  it('answers under the unversioned /api alias exactly as under /api/v1', async () => {
    const canonical = await list(isolation, { per_page: 5, sort: 'name' });
    const alias = await list(isolation, { per_page: 5, sort: 'name' }, '/api');
    expect(alias.statusCode).toBe(200);
    expect(alias.json()).toEqual(canonical.json());
    const id = canonical.json().data[0].id;
    const item = await tb.app.inject({
      url: `/api/deployments/${id}`,
      headers: { authorization: `Bearer ${token}`, 'x-tenant-id': listTenant(isolation) },
    });
    expect(item.statusCode).toBe(200);
    expect(item.json().data.id).toBe(id);
  });
});
