import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent } from '../../src/db/sql-identifier.js';
import { DOMAIN_PRESETS } from '../../src/modules/entries/domain-presets.js';
import { backfillSql } from '../../src/modules/entries/entry-index-sql.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { api, TIER_OF } from '../support/identity-api.js';
import { ISOLATIONS, startTestInstance } from '../support/test-instance.js';

const tb = await startTestInstance();
afterAll(() => tb.destroy());

/** Schemas whose fields the TypeScript and the SQL reading of a schema must agree on. */
const ODD_SCHEMAS: Record<string, Record<string, unknown>> = {
  mixed: {
    type: 'object',
    properties: {
      maybe: { type: ['string', 'null'] },
      num_or_null: { type: ['number', 'null'] },
      either: { type: ['number', 'string'] },
      kinds: { enum: [1, 2.5, null] },
      ints: { enum: [1, 2] },
      words: { enum: ['a', 1] },
      fixed: { const: 'x' },
      nothing: { const: null },
      anything: {},
      list: { type: 'array' },
      object: { type: 'object' },
      enum_list: { enum: [[1], 'a'] },
      'not listable': { type: 'string' },
      typed_enum: { type: 'integer', enum: [4, 'a'] },
    },
  },
};

const sample: Record<string, unknown> = {
  maybe: 'Hello, World',
  num_or_null: 3.25,
  either: 7,
  kinds: 2.5,
  ints: 2,
  words: 'a',
  fixed: 'x',
  nothing: null,
  anything: { a: 1 },
  list: [1, 2],
  object: { b: 'c' },
  enum_list: 'a',
  'not listable': 'Grüße aus Köln',
  typed_enum: 4,
};

describe('the migration backfill derives the same side rows as the writes', () => {
  it('for the business domain presets and odd schemas, in a schema tenant', async () => {
    const id = 'idx-backfill';
    await tb.createTenant({ id, isolation: 'schema', tier: 'premium' });
    const token = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    const presets = Object.values(DOMAIN_PRESETS).flat();
    const schemas = { ...ODD_SCHEMAS, ...Object.fromEntries(presets.map((p) => [`p_${p.key}`, p.schema])) };
    for (const [key, schema] of Object.entries(schemas)) {
      const created = await api(tb, token, 'POST', '/entry-types', { payload: { key, name: key, schema } });
      expect(created.statusCode, created.body).toBe(201);
    }
    const entry = await api(tb, token, 'POST', '/entries/mixed', { payload: { data: sample } });
    expect(entry.statusCode, entry.body).toBe(201);
    const sparse = await api(tb, token, 'POST', '/entries/mixed', { payload: { data: { either: 'seven' } } });
    expect(sparse.statusCode, sparse.body).toBe(201);
    const patient = await api(tb, token, 'POST', '/entries/p_patients', {
      payload: { data: { name: 'Ana María O’Neil-Smith', email: 'ana@example.com', phone: '+49 30 1234' } },
    });
    expect(patient.statusCode, patient.body).toBe(201);

    const tenant = (await tb.services.tenancy.registry.load(id as TenantId))!;
    const { client, schema } = await tb.services.tenancy.ownerStorage(tenant);
    const s = quoteIdent(schema);
    const read = async () => ({
      fields: (await client.query(`select * from ${s}.entry_fields order by entry_id, field`)).rows,
      words: (await client.query(`select * from ${s}.entry_words order by entry_id, word`)).rows,
    });
    try {
      const written = await read();
      expect(written.fields.length).toBeGreaterThan(20);
      expect(written.words.map((w) => w.word)).toEqual(
        expect.arrayContaining(['o', 'neil', 'smith', 'maría', 'hello']),
      );
      await client.query('begin');
      await client.query(`delete from ${s}.entry_fields; delete from ${s}.entry_words`);
      await client.query(backfillSql(s));
      expect(await read()).toEqual(written);
      await client.query('rollback');
    } finally {
      await client.end();
    }
  });
});

describe('tenant migration 0003 on a pool that already holds entries', () => {
  it("backfills both side tables for every tenant's entries, each tenant seeing its own", async () => {
    const tenants = ['idx-up-a', 'idx-up-b'];
    const tokens: string[] = [];
    for (const [i, id] of tenants.entries()) {
      await tb.createTenant({ id, isolation: 'pool', tier: 'standard' });
      const token = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
      tokens.push(token);
      const schema = {
        type: 'object',
        properties: {
          title: { type: 'string' },
          state: { enum: ['new', 'done'] },
          weight: { type: 'number' },
        },
      };
      expect(
        (await api(tb, token, 'POST', '/entry-types', { payload: { key: 'tasks', name: 'Tasks', schema } }))
          .statusCode,
      ).toBe(201);
      for (const [title, state, weight] of [
        [`Water plants ${i}`, 'new', 2],
        [`Sweep yard ${i}`, 'done', 1],
        [`Water lawn ${i}`, 'done', 3],
      ] as const)
        expect(
          (await api(tb, token, 'POST', '/entries/tasks', { payload: { data: { title, state, weight } } }))
            .statusCode,
        ).toBe(201);
    }
    // Back to the state before the migration: no side tables, the migration not recorded.
    const pool = quoteIdent(tb.services.tenancy.endpoints.names.poolSchema);
    await tb.services.tenancy.adminPool.query(
      `drop table ${pool}.entry_fields, ${pool}.entry_words;
       delete from ${pool}.tenant_migrations where id = 'entries:0003_entry_fields_and_words'`,
    );
    expect(await tb.services.tenancy.migrateShared()).toContain('entries:0003_entry_fields_and_words');
    for (const [i, token] of tokens.entries()) {
      const titles = async (query: string) =>
        (await api(tb, token, 'GET', `/entries/tasks?${query}`))
          .json()
          .data.map((e: { data: { title: string } }) => e.data.title);
      expect(await titles('filter[state]=done&sort=data.weight')).toEqual([
        `Sweep yard ${i}`,
        `Water lawn ${i}`,
      ]);
      expect(await titles('q=water&sort=-data.weight')).toEqual([`Water lawn ${i}`, `Water plants ${i}`]);
    }
  });
});

describe.for(ISOLATIONS)('entry side rows follow every write in a %s tenant', (isolation) => {
  const id = `idx-w-${isolation}`;
  const other = `idx-w-${isolation}-b`;
  let token = '';
  let otherToken = '';
  const schema = {
    type: 'object',
    properties: { name: { type: 'string' }, status: { enum: ['open', 'closed'] }, size: { type: 'integer' } },
  };

  beforeAll(async () => {
    await Promise.all([
      tb.createTenant({ id, isolation, tier: TIER_OF[isolation] }),
      tb.createTenant({ id: other, isolation, tier: TIER_OF[isolation] }),
    ]);
    token = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    otherToken = await tb.login(`owner@${other}.test`, 'owner-password-1', other);
    for (const t of [token, otherToken])
      expect(
        (await api(tb, t, 'POST', '/entry-types', { payload: { key: 'jobs', name: 'Jobs', schema } }))
          .statusCode,
      ).toBe(201);
  });

  const list = async (query: string, t = token) => {
    const response = await api(tb, t, 'GET', `/entries/jobs?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      data: Array<{ id: string; data: Record<string, unknown> }>;
      pagination: { total: number };
    };
  };
  const create = async (data: Record<string, unknown>, t = token) => {
    const response = await api(tb, t, 'POST', '/entries/jobs', { payload: { data } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.id as string;
  };

  it("updates, deletes and schema changes keep filters, search and sorts true; another tenant's rows never show", async () => {
    const a = await create({ name: 'Paint the fence', status: 'open', size: 3 });
    const b = await create({ name: 'Fix the roof', status: 'open', size: 8 });
    await create({ name: 'Paint the fence', status: 'open', size: 3 }, otherToken);
    expect((await list('filter[status]=open')).pagination.total).toBe(2);
    expect((await list('q=fence')).data.map((e) => e.id)).toEqual([a]);

    const patched = await api(tb, token, 'PATCH', `/entries/jobs/${a}`, {
      payload: { data: { status: 'closed', name: 'Varnish the gate' } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await list('filter[status]=open')).data.map((e) => e.id)).toEqual([b]);
    expect((await list('filter[status]=closed')).data.map((e) => e.id)).toEqual([a]);
    expect((await list('q=fence')).pagination.total).toBe(0);
    expect((await list('q=gat')).data.map((e) => e.id)).toEqual([a]);

    // A field added by a schema change: old entries lack it and sort after those that have it.
    const evolved = {
      ...schema,
      properties: { ...schema.properties, due: { type: 'string', format: 'date' }, size: { type: 'number' } },
    };
    const changed = await api(tb, token, 'PATCH', '/entry-types/jobs', { payload: { schema: evolved } });
    expect(changed.statusCode, changed.body).toBe(200);
    const c = await create({ name: 'Clean gutters', status: 'open', due: '2027-03-01', size: 2.5 });
    expect((await list('sort=data.due')).data.map((e) => e.id)).toEqual([c, a, b]);
    expect((await list('sort=-data.due')).data.map((e) => e.id)[2]).toBe(c);
    expect((await list('filter[due]=2027-03-01')).data.map((e) => e.id)).toEqual([c]);
    expect((await list('sort=data.size')).data.map((e) => e.data.size)).toEqual([2.5, 3, 8]);
    expect((await list('filter[size]=8')).data.map((e) => e.id)).toEqual([b]);

    // A field no longer searched: its words go.
    const unsearched = { ...evolved, properties: { ...evolved.properties, name: { enum: [] as string[] } } };
    delete (unsearched.properties as Record<string, unknown>).name;
    expect(
      (await api(tb, token, 'PATCH', '/entry-types/jobs', { payload: { schema: unsearched } })).statusCode,
    ).toBe(200);
    expect((await list('q=roof')).pagination.total).toBe(0);
    expect((await list('q=open')).pagination.total).toBe(2);

    expect((await api(tb, token, 'DELETE', `/entries/jobs/${b}`)).statusCode).toBe(204);
    expect((await list('filter[status]=open')).data.map((e) => e.id)).toEqual([c]);
    const tenant = (await tb.services.tenancy.registry.load(id as TenantId))!;
    const left = await tb.services.tenancy.withTenant(tenant, async (scope) => [
      ...(await scope.db
        .selectFrom('entry_fields')
        .select('entry_id')
        .where('tenant_id', '=', scope.tenantId)
        .where('entry_id', '=', b)
        .execute()),
      ...(await scope.db
        .selectFrom('entry_words')
        .select('entry_id')
        .where('tenant_id', '=', scope.tenantId)
        .where('entry_id', '=', b)
        .execute()),
    ]);
    expect(left).toEqual([]);
    // The other tenant's identical entry was never in this tenant's lists, and is still in its own.
    expect((await list('filter[status]=open', otherToken)).pagination.total).toBe(1);
    expect((await list('q=paint', otherToken)).pagination.total).toBe(1);
  });

  it('a schema change that only adds fields validates the entries holding them and touches only their words', async () => {
    const tasks = {
      type: 'object',
      properties: { title: { type: 'string' }, size: { type: 'integer' } },
    };
    for (const t of [token, otherToken])
      expect(
        (
          await api(tb, t, 'POST', '/entry-types', {
            payload: { key: 'tasks', name: 'Tasks', schema: tasks },
          })
        ).statusCode,
      ).toBe(201);
    const post = async (data: Record<string, unknown>, t = token) => {
      const response = await api(tb, t, 'POST', '/entries/tasks', { payload: { data } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().data.id as string;
    };
    const find = async (query: string, t = token) => {
      const response = await api(tb, t, 'GET', `/entries/tasks?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().data as Array<{ id: string }>).map((e) => e.id).sort();
    };
    // The schema does not forbid other keys, so entries may already hold the field being added.
    const deck = await post({ title: 'Sand the deck', note: 'varnish after rain' });
    const odd = await post({ title: 'Odd one', note: 42 });
    const plain = await post({ title: 'Plain job', size: 1 });
    await post({ title: 'Sand the deck', note: 'varnish after rain' }, otherToken);

    const withNote = { ...tasks, properties: { ...tasks.properties, note: { type: 'string' } } };
    const refused = await api(tb, token, 'PATCH', '/entry-types/tasks', { payload: { schema: withNote } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('1 existing entry does not');
    // Nothing changed: the schema, and no word of the refused field.
    expect((await api(tb, token, 'GET', '/entry-types/tasks')).json().data.schema).toEqual(tasks);
    expect(await find('q=varnish')).toEqual([]);

    expect(
      (await api(tb, token, 'PATCH', `/entries/tasks/${odd}`, { payload: { data: { note: 'later' } } }))
        .statusCode,
    ).toBe(200);
    const added = await api(tb, token, 'PATCH', '/entry-types/tasks', { payload: { schema: withNote } });
    expect(added.statusCode, added.body).toBe(200);
    expect(await find('q=varnish')).toEqual([deck]);
    expect(await find('q=later')).toEqual([odd]);
    expect(await find('q=sand')).toEqual([deck]);
    expect(await find('filter[note]=later')).toEqual([odd]);
    expect(await find('sort=data.note')).toEqual([deck, odd, plain].sort());
    expect(await find('q=plain')).toEqual([plain]);

    // Back without it: its words go from the entries that held it, the others keep theirs.
    const back = await api(tb, token, 'PATCH', '/entry-types/tasks', { payload: { schema: tasks } });
    expect(back.statusCode, back.body).toBe(200);
    expect(await find('q=varnish')).toEqual([]);
    expect(await find('q=later')).toEqual([]);
    expect(await find('q=sand')).toEqual([deck]);
    expect(await find('q=odd')).toEqual([odd]);
    expect(await find('q=plain')).toEqual([plain]);

    // The other tenant's type of the same key never changed; one only this tenant has is 404 there.
    expect((await api(tb, otherToken, 'GET', '/entry-types/tasks')).json().data.schema).toEqual(tasks);
    expect(await find('q=sand', otherToken)).toHaveLength(1);
    expect(await find('q=varnish', otherToken)).toEqual([]);
    await api(tb, token, 'POST', '/entry-types', {
      payload: { key: 'own_tasks', name: 'Own', schema: tasks },
    });
    const theirs = await api(tb, otherToken, 'PATCH', '/entry-types/own_tasks', {
      payload: { schema: withNote },
    });
    expect(theirs.statusCode).toBe(404);
  });
});
