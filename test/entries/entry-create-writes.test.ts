import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestContext } from '../../src/tenancy/tenant-context.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { preparesStatements, sentStatementNames } from '../support/prepared-statements.js';
import { recordRoundTrips, transactions } from '../support/round-trips.js';
import { asStorageOwner } from '../support/tenant-storage-owner.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

// Answered at commit (the product's default), so a create's own round trips are all it waits for.
let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { AUDIT_SEAL_WAIT_MS: '0' } });
});
afterAll(async () => {
  await tb?.destroy();
});

const PATIENT = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string' },
    status: { enum: ['active', 'archived'] },
    note: { type: 'string' },
  },
};
const VISIT = {
  type: 'object',
  required: ['patient'],
  properties: {
    patient: { type: 'string', format: 'uuid', 'x-entry-ref': 'patients' },
    reason: { type: 'string' },
  },
};

describe.each(ISOLATIONS)('entry creates in %s isolation', (isolation: Isolation) => {
  const id = `ecw-${isolation}`;
  const tenant = { id, isolation };
  let owner = '';
  const post = (path: string, payload: Record<string, unknown>) =>
    tb.app.inject({
      method: 'POST',
      url: `/api/v1${path}`,
      headers: { authorization: `Bearer ${owner}` },
      payload,
    });
  const create = (type: string, data: unknown) => post(`/entries/${type}`, { data });

  /** Rows of the tenant's storage an entry create writes, as the owner sees them. */
  const stored = (type: string) =>
    asStorageOwner(tb, tenant, async (client, table) => {
      const count = async (sql: string) => Number((await client.query(sql, [id, type])).rows[0].n);
      return {
        entries: await count(`select count(*) n from ${table('entries')} where tenant_id = $1 and type = $2`),
        fields: await count(
          `select count(*) n from ${table('entry_fields')} where tenant_id = $1 and type = $2`,
        ),
        words: await count(
          `select count(*) n from ${table('entry_words')} where tenant_id = $1 and type = $2`,
        ),
        audit: await count(
          `select count(*) n from ${table('audit_log')} where tenant_id = $1 and action = 'entry.create' and target_type = $2`,
        ),
      };
    });

  beforeAll(async () => {
    await tb.createTenant({ id, isolation, tier: 'enterprise' });
    owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    for (const [key, schema] of [
      ['patients', PATIENT],
      ['visits', VISIT],
      ['refused_fields', PATIENT],
      ['refused_audit', PATIENT],
      ['evolving', PATIENT],
    ] as const)
      expect((await post('/entry-types', { key, name: key, schema })).statusCode).toBe(201);
  });

  it('commits the entry, its side rows, its reference check and its audit entry in one round trip', async () => {
    const patient = await create('patients', { name: 'Ada Warm', status: 'active' });
    expect(patient.statusCode, patient.body).toBe(201);
    expect((await create('visits', { patient: patient.json().data.id })).statusCode).toBe(201);
    await sleep(300); // the warm-up's sealing pass, so that it is not recorded below
    for (const [type, data] of [
      ['patients', { status: 'active', name: 'Grace Counted', note: 'Second visit' }],
      ['visits', { patient: patient.json().data.id, reason: 'check-up' }],
    ] as const) {
      let response!: Awaited<ReturnType<typeof create>>;
      const flights = await recordRoundTrips(
        async () => {
          response = await create(type, data);
        },
        () => requestContext.current() !== undefined,
      );
      expect(response.statusCode, response.body).toBe(201);
      // Answered from what was sent, in the order jsonb keeps keys, as a read gives it back.
      const created = response.json().data;
      const read = await tb.app.inject({
        method: 'GET',
        url: `/api/v1/entries/${type}/${created.id}`,
        headers: { authorization: `Bearer ${owner}` },
      });
      expect(JSON.stringify(read.json().data)).toBe(JSON.stringify(created));
      const all = transactions(flights);
      const sealer = all.filter((t) =>
        t.some((f) => f.statements.some((s) => s.includes('pg_try_advisory_xact_lock'))),
      );
      // The entry's own transaction; a platform read the request may also make (the 2 s usage or
      // token caches expiring mid-test) is not part of the write and is not counted as it.
      const write = all.filter(
        (t) => !sealer.includes(t) && t.some((f) => f.statements.some((s) => s.startsWith('begin'))),
      );
      console.info(
        `${isolation} ${type}: ${write.length} transaction(s), ${write.flat().length} round trip(s): ${JSON.stringify(
          write.flat().map((f) => f.statements.map((s) => s.slice(0, 40))),
        )}`,
      );
      expect(write).toHaveLength(1);
      const trips = write[0]!.map((f) => f.statements.map((s) => s.split(' ').slice(0, 3).join(' ')));
      expect(trips).toEqual([
        [
          'begin',
          expect.stringMatching(/^select set_config/),
          'with type_row as',
          expect.stringMatching(/^insert into "/),
          'commit',
        ],
      ]);
      expect(write[0]![0]!.statements[3]).toMatch(/"audit_log"/);
    }
  });

  it('prepares the entry’s statement once per connection, under a name unique to its text', async () => {
    const statuses: number[] = [];
    const sent = await sentStatementNames(
      (text) => text.startsWith('with type_row as'),
      async () => {
        // Past PostgreSQL's five custom plans, so that its generic plan serves the later ones.
        for (let i = 0; i < 8; i++)
          statuses.push((await create('patients', { name: `Prepared ${i}` })).statusCode);
      },
    );
    expect(statuses).toEqual(Array(8).fill(201));
    expect(sent).toHaveLength(8);
    if (preparesStatements(tb, isolation)) {
      expect(sent[0]).toMatch(/^tb_entry_insert_[0-9a-f]{24}$/);
      expect(new Set(sent).size).toBe(1);
    } else expect(sent).toEqual(Array(8).fill(undefined));
    const list = await tb.app.inject({
      method: 'GET',
      url: '/api/v1/entries/patients?q=prepared&per_page=100',
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(list.json().data).toHaveLength(8);
  });

  it('keeps nothing when a side-table insert fails', async () => {
    const before = await stored('refused_fields');
    // A constraint only this test's rows break: the entry_fields insert of the entry's statement fails.
    await asStorageOwner(tb, tenant, (client, table) =>
      client.query(
        `alter table ${table('entry_fields')} add constraint ecw_refuse check (text_value <> 'refuse-me') not valid`,
      ),
    );
    try {
      const response = await create('refused_fields', { name: 'refuse-me' });
      expect(response.statusCode).toBe(500);
      expect(response.json().error.code).toBe('INTERNAL');
    } finally {
      await asStorageOwner(tb, tenant, (client, table) =>
        client.query(`alter table ${table('entry_fields')} drop constraint ecw_refuse`),
      );
    }
    expect(await stored('refused_fields')).toEqual(before);
    expect((await create('refused_fields', { name: 'kept' })).statusCode).toBe(201);
    expect(await stored('refused_fields')).toMatchObject({
      entries: before.entries + 1,
      audit: before.audit + 1,
    });
  });

  it('keeps nothing when the audit insert fails', async () => {
    const before = await stored('refused_audit');
    await asStorageOwner(tb, tenant, (client, table) =>
      client.query(
        `alter table ${table('audit_log')} add constraint ecw_refuse check (target_type <> 'refused_audit') not valid`,
      ),
    );
    try {
      const response = await create('refused_audit', { name: 'Not Audited', status: 'active' });
      expect(response.statusCode).toBe(500);
    } finally {
      await asStorageOwner(tb, tenant, (client, table) =>
        client.query(`alter table ${table('audit_log')} drop constraint ecw_refuse`),
      );
    }
    expect(await stored('refused_audit')).toEqual(before);
  });

  it('judges a create by the schema another process changed within the copy’s 2 s', async () => {
    expect((await create('evolving', { name: 'Before', status: 'active' })).statusCode).toBe(201);
    // Another process's schema change: this app's copy of the type is not forgotten.
    await asStorageOwner(tb, tenant, (client, table) =>
      client.query(
        `update ${table('entry_types')} set schema = $3::json, updated_at = updated_at + interval '1 second'
          where tenant_id = $1 and key = $2`,
        [id, 'evolving', JSON.stringify({ ...PATIENT, required: ['name', 'note'] })],
      ),
    );
    const refused = await create('evolving', { name: 'After', status: 'active' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.details).toEqual([{ path: 'data.note', message: 'is required' }]);
    expect((await create('evolving', { name: 'After', note: 'n' })).statusCode).toBe(201);
  });

  it('refuses a reference to an entry whose delete commits while the create waits for it', async () => {
    const patient = (await create('patients', { name: 'Soon Gone' })).json().data.id as string;
    expect((await create('visits', { patient })).statusCode).toBe(201); // the type is cached now
    const visitsBefore = (await stored('visits')).entries;
    let answered = false;
    let pending!: Promise<Awaited<ReturnType<typeof create>>>;
    await asStorageOwner(tb, tenant, async (client, table) => {
      await client.query(`delete from ${table('entries')} where tenant_id = $1 and id = $2`, [id, patient]);
      pending = create('visits', { patient }).finally(() => {
        answered = true;
      });
      await sleep(500);
      // The create's INSERT waits for the deleting transaction's row lock.
      expect(answered).toBe(false);
    });
    const response = await pending;
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: 'data.patient', message: 'no patients entry has this id' },
    ]);
    expect((await stored('visits')).entries).toBe(visitsBefore);
  });

  it('refuses a reference to another tenant’s entry or an unknown id as the same 400', async () => {
    const otherId = `${id}-o`;
    await tb.createTenant({ id: otherId, isolation, tier: 'enterprise' });
    const theirs = await tb.services.tenancy.withTenant(
      (await tb.services.tenancy.registry.load(otherId as TenantId))!,
      async (scope) => {
        await scope.db
          .insertInto('entry_types')
          .values({
            tenant_id: scope.tenantId,
            key: 'patients',
            name: 'p',
            schema: JSON.stringify(PATIENT),
            feature: null,
            created_at: new Date(),
            updated_at: new Date(),
          })
          .onConflict((c) => c.doNothing())
          .execute();
        const entryId = '0190a000-0000-7000-8000-000000000001';
        await scope.db
          .insertInto('entries')
          .values({
            tenant_id: scope.tenantId,
            id: entryId,
            type: 'patients',
            data: JSON.stringify({ name: 'Theirs' }),
            created_by: null,
            created_at: new Date(),
            updated_at: new Date(),
          })
          .execute();
        return entryId;
      },
    );
    for (const patient of [theirs, '0190a000-0000-7000-8000-0000000000ff']) {
      const response = await create('visits', { patient });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ path: 'data.patient', message: 'no patients entry has this id' }],
      });
    }
  });
});
