import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filteredEntries } from '../../src/modules/entries/filtered-entries.js';
import { getEntryType } from '../../src/modules/entries/get-entry-type.js';
import type { EntryListQuery } from '../../src/modules/entries/entries.schema.js';
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

describe.for(ISOLATIONS)('entry list indexes in a %s tenant', (isolation) => {
  const id = `idx-${isolation}`;

  beforeAll(async () => {
    await tb.createTenant({ id, isolation, tier: TIER_OF[isolation] });
    const owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    const created = await api(tb, owner, 'POST', '/entry-types', {
      payload: { key: 'items', name: 'Items', schema: SCHEMA },
    });
    expect(created.statusCode, created.body).toBe(201);
    const tenant = (await tb.services.tenancy.registry.load(id as TenantId))!;
    const now = new Date();
    for (let from = 0; from < ROWS; from += 2000) {
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
              created_at: now,
              updated_at: now,
            })),
          )
          .execute(),
      );
    }
    await tb.services.tenancy.analyze(tenant);
  });

  const plan = async (query: EntryListQuery, page: 'limit' | 'count') => {
    const tenant = (await tb.services.tenancy.registry.load(id as TenantId))!;
    const rows = await tb.services.tenancy.withTenant(
      tenant,
      async (scope) => {
        const filtered = filteredEntries(scope, await getEntryType(scope, 'items'), query);
        return page === 'count'
          ? filtered.select((eb) => eb.fn.countAll().as('n')).explain()
          : filtered.select('id').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(20).explain();
      },
      'read',
    );
    return rows.map((row) => String(row['QUERY PLAN'])).join('\n');
  };

  it('pages the default order straight off entries_type_created_idx', async () => {
    expect(await plan({} as EntryListQuery, 'limit')).toMatch(
      /Index (Only )?Scan.* using entries_type_created_idx/,
    );
  });

  // Evidence for README's "Indexes": the storages force row-level security, and PostgreSQL lets
  // only leakproof comparisons run ahead of the policy, so a GIN index on `data` (jsonb `@>`)
  // cannot serve the application role, however selective the filter.
  it('cannot seek a JSON index under forced row security (a filter narrows the tenant type rows)', async () => {
    const counted = await plan({ 'filter[status]': 'open' } as EntryListQuery, 'count');
    expect(counted).toContain('data @> \'{"status": "open"}\'::jsonb');
    expect(counted).not.toContain('entries_data_idx');
  });
});
