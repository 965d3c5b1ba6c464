import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryListQuery } from '../../src/modules/entries/entries.schema.js';
import { entryIndexSpec } from '../../src/modules/entries/entry-index-spec.js';
import { entryListSql } from '../../src/modules/entries/entry-list-query.js';
import { getEntryType } from '../../src/modules/entries/get-entry-type.js';
import { rebuildEntryIndex } from '../../src/modules/entries/rebuild-entry-index.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { api, TIER_OF } from '../support/identity-api.js';
import { ISOLATIONS, startTestInstance } from '../support/test-instance.js';

const tb = await startTestInstance();
afterAll(() => tb.destroy());

const ROWS = 20_000;
const SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    notes: { type: 'string' },
    status: { enum: ['open', 'closed'] },
    count: { type: 'integer' },
  },
};

/**
 * Evidence for README's "Indexes": the storages force row-level security, under which PostgreSQL
 * lets only leakproof comparisons become index conditions. The lists' conditions on the side
 * tables are all such comparisons, so the plans, read as the application role, seek indexes and
 * never scan the type's entries.
 */
describe.for(ISOLATIONS)('entry list indexes in a %s tenant', (isolation) => {
  const id = `idx-${isolation}`;

  const seed = async (tenantId: string, rows: number) => {
    const tenant = (await tb.services.tenancy.registry.load(tenantId as TenantId))!;
    const owner = await tb.login(`owner@${tenantId}.test`, 'owner-password-1', tenantId);
    const created = await api(tb, owner, 'POST', '/entry-types', {
      payload: { key: 'items', name: 'Items', schema: SCHEMA },
    });
    expect(created.statusCode, created.body).toBe(201);
    const now = Date.now();
    for (let from = 0; from < rows; from += 2000) {
      await tb.services.tenancy.withTenant(tenant, (scope) =>
        scope.db
          .insertInto('entries')
          .values(
            Array.from({ length: 2000 }, (_, i) => ({
              tenant_id: scope.tenantId,
              id: randomUUID(),
              type: 'items',
              data: JSON.stringify({
                name: `Item ${from + i}`,
                notes: `batch ${from} serial ${(from + i) * 7919}`,
                status: (from + i) % 50 === 0 ? 'open' : 'closed',
                count: from + i,
              }),
              created_by: null,
              created_at: new Date(now - (from + i) * 1000),
              updated_at: new Date(now),
            })),
          )
          .execute(),
      );
    }
    await tb.services.tenancy.withTenant(tenant, (scope) =>
      rebuildEntryIndex(scope, 'items', entryIndexSpec(SCHEMA)),
    );
    return tenant;
  };

  beforeAll(async () => {
    await tb.createTenant({ id, isolation, tier: TIER_OF[isolation] });
    const tenant = await seed(id, ROWS);
    // The shared pool tables hold other tenants too; with only this one in them the planner could
    // rightly read the table whole, which is not the case the pool's plans are made for.
    if (isolation === 'pool') {
      const neighbour = `${id}-neighbour`;
      await tb.createTenant({ id: neighbour, isolation, tier: TIER_OF[isolation] });
      await seed(neighbour, 3 * ROWS);
    }
    await tb.services.tenancy.analyze(tenant);
  }, 180_000);

  const plan = async (query: Record<string, string>, what: 'page' | 'count') => {
    const tenant = (await tb.services.tenancy.registry.load(id as TenantId))!;
    const rows = await tb.services.tenancy.withTenant(
      tenant,
      async (scope) => {
        const list = entryListSql(scope, await getEntryType(scope, 'items'), query as EntryListQuery);
        const statement = what === 'count' ? list.count() : list.page(21, 0);
        return (await sql<Record<string, unknown>>`explain ${statement}`.execute(scope.db)).rows;
      },
      'read',
    );
    return rows.map((row) => String(row['QUERY PLAN'])).join('\n');
  };

  it('pages the default order straight off entries_type_created_idx', async () => {
    expect(await plan({}, 'page')).toMatch(/Index (Only )?Scan.* using entries_type_created_idx/);
  });

  it('seeks a filter, its count and a data sort in entry_fields, never scanning entries', async () => {
    const filtered = await plan({ 'filter[status]': 'open' }, 'page');
    expect(filtered).toMatch(/Index (Only )?Scan( Backward)? using entry_fields_text_idx/);
    const counted = await plan({ 'filter[status]': 'open' }, 'count');
    expect(counted).toMatch(/Index Only Scan using entry_fields_count_idx/);
    expect(counted).not.toContain('entries');
    const sorted = await plan({ sort: '-data.count' }, 'page');
    expect(sorted).toMatch(/Index (Only )?Scan( Backward)? using entry_fields_number_idx/);
    const numeric = await plan({ 'filter[count]': '4242' }, 'count');
    expect(numeric).toMatch(/Index (Only )?Scan using entry_fields_number_idx/);
    for (const text of [filtered, counted, sorted, numeric]) expect(text).not.toMatch(/Seq Scan/);
  });

  it('seeks a search word in entry_words', async () => {
    const searched = await plan({ q: 'serial 7919' }, 'count');
    expect(searched).toMatch(/using entry_words_(word_idx|pkey)/);
    // In a storage of its own the planner may read this tenant's 20,000 entries whole and hash
    // them; in the shared pool table that would read every tenant's, and it does not.
    if (isolation === 'pool') expect(searched).not.toMatch(/Seq Scan/);
  });

  it('answers the same rows through the indexes as the data holds', async () => {
    const owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    const get = async (query: string) =>
      (await api(tb, owner, 'GET', `/entries/items?${query}`)).json() as {
        data: Array<{ data: { name: string; count: number; status: string } }>;
        pagination: { total: number; cursor?: string | null };
      };
    const open = await get('filter[status]=open&per_page=100');
    expect(open.pagination.total).toBe(ROWS / 50);
    expect(open.data.every((e) => e.data.status === 'open')).toBe(true);
    expect((await get('filter[count]=4242')).data.map((e) => e.data.name)).toEqual(['Item 4242']);
    expect((await get('q=item 1999')).data.map((e) => e.data.name)).toEqual(
      expect.arrayContaining(['Item 1999', 'Item 19990', 'Item 19999']),
    );
    // Every word of `q` begins a word of a string field (name, notes or status).
    const words = (i: number) =>
      `Item ${i} batch ${i - (i % 2000)} serial ${i * 7919} ${i % 50 === 0 ? 'open' : 'closed'}`
        .toLowerCase()
        .split(' ');
    const expected = Array.from({ length: ROWS }, (_, i) => words(i)).filter((w) =>
      ['item', '1999'].every((term) => w.some((word) => word.startsWith(term))),
    ).length;
    expect(expected).toBeGreaterThan(11);
    expect((await get('q=item 1999')).pagination.total).toBe(expected);
    const top = await get('sort=-data.count&per_page=3');
    expect(top.data.map((e) => e.data.count)).toEqual([ROWS - 1, ROWS - 2, ROWS - 3]);
    // Cursor pages of a filtered list walk all of it once, newest first.
    const seen: number[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await get(`filter[status]=open&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((e) => e.data.count));
      cursor = page.pagination.cursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: ROWS / 50 }, (_, i) => i * 50));
  });
});
