import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/identity/passwords.js';
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { asStorageOwner } from '../support/tenant-storage-owner.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

const MEMBER = { email: 'member@src.test', password: 'member-password-1' };

let tb: TestInstance;
let dataDir: string;
let ownerToken: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tenantbase-archive-'));
  tb = await startTestInstance({ extraEnv: { DATA_DIR: dataDir } });
  await tb.createTenant({ id: 'src', isolation: 'pool' });
  ownerToken = await tb.login('owner@src.test', 'owner-password-1', 'src');
  await seedSource();
});
afterAll(async () => {
  await tb?.destroy();
  await rm(dataDir, { recursive: true, force: true });
});

const auth = async (token?: string) => ({ authorization: `Bearer ${token ?? (await tb.adminToken())}` });

/** Data of every kind the tables hold: JSON configs, text arrays, bigints, an audit trail. */
async function seedSource(): Promise<void> {
  const post = async (url: string, payload: Record<string, unknown>) => {
    const response = await tb.app.inject({ method: 'POST', url, headers: await auth(ownerToken), payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  for (const name of ['web', 'api', 'worker']) await post('/api/v1/deployments', { project_name: name });
  const flow = await post('/api/v1/workflows', {
    name: 'étapes "quoted"',
    config: {
      steps: [{ run: 'build', retries: 3 }],
      ratio: 0.1,
      big: 12345678901234,
      nested: { a: null, b: [true] },
    },
  });
  await post('/api/v1/workflows', { name: 'empty', config: {} });
  const patched = await tb.app.inject({
    method: 'PATCH',
    url: `/api/v1/workflows/${flow.id}`,
    headers: await auth(ownerToken),
    payload: { status: 'paused' },
  });
  expect(patched.statusCode).toBe(200);
  const passwordHash = await hashPassword(MEMBER.password);
  const tenant = (await tb.services.tenancy.registry.load('src' as TenantId))!;
  await tb.services.tenancy.withTenant(tenant, async (scope) => {
    const id = uuidv7();
    const now = new Date();
    await scope.db
      .insertInto('users')
      .values({
        tenant_id: scope.tenantId,
        id,
        email: MEMBER.email,
        password_hash: passwordHash,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await scope.db
      .insertInto('user_roles')
      .values({ tenant_id: scope.tenantId, user_id: id, role: 'member' })
      .execute();
    await scope.db
      .insertInto('roles')
      .values({
        tenant_id: scope.tenantId,
        name: 'auditor',
        permissions: ['audit:read', 'a,b "c"'],
        built_in: false,
        created_at: now,
      })
      .execute();
    const owner = await scope.db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', scope.tenantId)
      .where('email', '=', 'owner@src.test')
      .executeTakeFirstOrThrow();
    await scope.db
      .insertInto('user_mfa')
      .values({
        tenant_id: scope.tenantId,
        user_id: owner.id, // the owner's: the member signs in below without a TOTP code
        secret: 'S3CR3T',
        status: 'active',
        recovery_codes: ['x', 'y'],
        last_used_step: 57_000_000,
        enabled_at: now,
        created_at: now,
      })
      .execute();
  });
}

async function exportOf(id: string): Promise<{
  tables: Array<{ name: string; rows: number; sha256: string }>;
  archive: Buffer;
  exportId: string;
}> {
  const started = await tb.app.inject({
    method: 'POST',
    url: `/api/v1/tenants/${id}/export`,
    headers: await auth(),
  });
  expect(started.statusCode, started.body).toBe(202);
  expect(started.json().data.status).toBe('running');
  const exportId = started.json().data.id as string;
  const deadline = Date.now() + 30_000;
  let status;
  do {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = (
      await tb.app.inject({ url: `/api/v1/tenants/${id}/exports/${exportId}`, headers: await auth() })
    ).json().data;
    if (Date.now() > deadline) throw new Error(`export of ${id} is still ${status.status}`);
  } while (status.status === 'running');
  expect(status.status, status.error).toBe('done');
  const file = await tb.app.inject({
    url: `/api/v1/tenants/${id}/exports/${exportId}?download=1`,
    headers: await auth(),
  });
  expect(file.statusCode).toBe(200);
  expect(file.headers['content-type']).toBe('application/gzip');
  expect(file.headers['content-disposition']).toMatch(
    new RegExp(`^attachment; filename="tenantbase-${id}-\\d{8}T\\d{6}\\.jsonl\\.gz"$`),
  );
  expect(file.rawPayload.length).toBe(status.size_bytes);
  return { tables: status.tables, archive: file.rawPayload, exportId };
}

async function importInto(id: string, archive: Buffer, query = '', token?: string) {
  return tb.app.inject({
    method: 'POST',
    url: `/api/v1/tenants/${id}/import${query}`,
    headers: { ...(await auth(token)), 'content-type': 'application/gzip' },
    payload: archive,
  });
}

async function storageOf(id: string) {
  const names = tb.services.tenancy.endpoints.names;
  const schema = await tb.services.tenancy.adminPool.query('select 1 from pg_namespace where nspname = $1', [
    names.schemaFor(id as TenantId),
  ]);
  const database = await tb.services.tenancy.adminPool.query('select 1 from pg_database where datname = $1', [
    names.databaseFor(id as TenantId),
  ]);
  return {
    registered: (await tb.services.tenancy.registry.load(id as TenantId)) !== undefined,
    schema: schema.rowCount,
    database: database.rowCount,
  };
}

let source: Awaited<ReturnType<typeof exportOf>>;

describe('round trip pool → database → schema', () => {
  it('gives identical table checksums, a verifying audit chain and working logins', async () => {
    source = await exportOf('src');
    const rows = Object.fromEntries(source.tables.map((table) => [table.name, table.rows]));
    expect(rows).toMatchObject({
      users: 2,
      roles: 5,
      user_roles: 2,
      user_mfa: 1,
      deployments: 3,
      workflows: 2,
    });
    expect(rows.audit_log).toBeGreaterThanOrEqual(6);

    const intoDatabase = await importInto('dst-db', source.archive, '?isolation=database&name=Copy');
    expect(intoDatabase.statusCode, intoDatabase.body).toBe(201);
    expect(intoDatabase.json().data).toMatchObject({
      created: true,
      tenant: { id: 'dst-db', isolation: 'database', status: 'active', name: 'Copy' },
    });
    const second = await exportOf('dst-db');
    const intoSchema = await importInto('dst-schema', second.archive, '?isolation=schema&tier=premium');
    expect(intoSchema.statusCode, intoSchema.body).toBe(201);
    const third = await exportOf('dst-schema');

    expect(second.tables).toEqual(source.tables);
    expect(third.tables).toEqual(source.tables);

    const tenant = (await tb.services.tenancy.registry.load('dst-schema' as TenantId))!;
    const chain = await tb.services.tenancy.withTenant(tenant, (scope) => verifyAuditChain(scope));
    expect(chain).toMatchObject({ ok: true, entries: rows.audit_log });
    for (const id of ['dst-db', 'dst-schema']) {
      const token = await tb.login(MEMBER.email, MEMBER.password, id);
      const listed = await tb.app.inject({ url: '/api/v1/workflows?sort=name', headers: await auth(token) });
      expect(listed.json().data.map((w: { name: string; config: unknown }) => [w.name, w.config])).toEqual([
        ['empty', {}],
        [
          'étapes "quoted"',
          {
            steps: [{ run: 'build', retries: 3 }],
            ratio: 0.1,
            big: 12345678901234,
            nested: { a: null, b: [true] },
          },
        ],
      ]);
    }
    const audit = await tb.services.tenancy.platformDb
      .selectFrom('platform.platform_audit')
      .select('action')
      .where('action', 'in', ['tenant.export', 'tenant.import'])
      .execute();
    expect(audit.filter((entry) => entry.action === 'tenant.export')).toHaveLength(3);
    expect(audit.filter((entry) => entry.action === 'tenant.import')).toHaveLength(2);
  });

  it('leaves the imported tables analyzed, so their first queries are not planned on guesses', async () => {
    const schema = tb.services.tenancy.endpoints.names.schemaFor('dst-schema' as TenantId);
    const { rows } = await tb.services.tenancy.adminPool.query<{ relname: string; analyzed: boolean }>(
      `select relname, last_analyze is not null as analyzed
         from pg_stat_user_tables where schemaname = $1 and relname = any($2)`,
      [schema, ['deployments', 'workflows', 'users']],
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.analyzed, row.relname).toBe(true);
  });
});

describe('a tampered archive', () => {
  /** The archive's lines with the `api` deployment's line changed by `edit` (undefined drops it). */
  const editDeployment = (edit: (line: string) => string | undefined) => {
    const lines = gunzipSync(source.archive).toString('utf8').split('\n');
    const at = lines.findIndex((line) => line.startsWith('{"table":"deployments"') && line.includes('"api"'));
    const edited = edit(lines[at]!);
    lines.splice(at, 1, ...(edited === undefined ? [] : [edited]));
    return gzipSync(lines.join('\n'));
  };
  /** Recomputes the manifest's counts and checksums, as a forger would: only the database can refuse it now. */
  const reseal = (archive: Buffer) => {
    const [head, ...lines] = gunzipSync(archive).toString('utf8').split('\n');
    const manifest = JSON.parse(head!);
    for (const table of manifest.tables) {
      const prefix = `{"table":"${table.name}","row":`;
      const rows = lines
        .filter((line) => line.startsWith(prefix))
        .map((line) => line.slice(prefix.length, -1));
      table.rows = rows.length;
      table.sha256 = createHash('sha256')
        .update(rows.map((row) => `${row}\n`).join(''))
        .digest('hex');
    }
    return gzipSync([JSON.stringify(manifest), ...lines].join('\n'));
  };
  const tampered: Record<string, [() => Buffer, RegExp]> = {
    'a flipped byte': [
      () => {
        const copy = Buffer.from(source.archive);
        copy[Math.floor(copy.length * 0.6)]! ^= 0x40;
        return copy;
      },
      /not a valid gzip file|checksum/,
    ],
    'an edited row': [
      () => editDeployment((line) => line.replace('"api"', '"apx"')),
      /deployments do not match their checksum/,
    ],
    'a dropped row': [
      () => editDeployment(() => undefined),
      /table deployments has 2 rows, the manifest says 3/,
    ],
    'a resealed row the tables refuse': [
      () => reseal(editDeployment((line) => line.replace('"status": "pending"', '"status": "bogus"'))),
      /rows do not fit/,
    ],
  };

  it.for(Object.entries(tampered))(
    'is refused with 400 and leaves nothing behind (%s)',
    async ([, [make, reason]]) => {
      const response = await importInto('bad-db', make(), '?isolation=database');
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.message).toMatch(reason);
      expect(await storageOf('bad-db')).toEqual({ registered: false, schema: 0, database: 0 });
    },
  );

  it('leaves an existing empty tenant untouched, which a good archive then fills', async () => {
    await tb.createTenant({ id: 'empty-schema', isolation: 'schema' });
    const tenant = { id: 'empty-schema', isolation: 'schema' as const };
    const taken = await importInto('empty-schema', source.archive);
    expect(taken.statusCode).toBe(409); // its first owner is a row the import would clash with
    await asStorageOwner(tb, tenant, (client, table) => client.query(`delete from ${table('users')}`));
    const count = () =>
      asStorageOwner(
        tb,
        tenant,
        async (client, table) =>
          (await client.query(`select name from ${table('roles')} order by name`)).rows,
      );
    const before = await count();
    for (const [make] of Object.values(tampered)) {
      const refused = await importInto('empty-schema', make());
      expect(refused.statusCode).toBe(400);
    }
    expect(await count()).toEqual(before);
    const accepted = await importInto('empty-schema', source.archive);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().data).toMatchObject({ created: false, tables: { users: 2, deployments: 3 } });
  });

  it('refuses a body that is not an archive', async () => {
    const json = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/tenants/bad-json/import',
      headers: await auth(),
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(400);
    const text = await importInto('bad-text', Buffer.from('hello'));
    expect(text.statusCode).toBe(400);
    expect(await storageOf('bad-text')).toEqual({ registered: false, schema: 0, database: 0 });
  });
});

describe('who may touch archives', () => {
  it('refuses tenant users (403) and hides one tenant’s export under another’s path (404)', async () => {
    const own = await auth(ownerToken);
    for (const [method, url] of [
      ['POST', '/api/v1/tenants/src/export'],
      ['GET', `/api/v1/tenants/src/exports/${source.exportId}`],
      ['POST', '/api/v1/tenants/src/import'],
    ] as const) {
      const response = await tb.app.inject({
        method,
        url,
        headers: { ...own, 'content-type': 'application/gzip' },
        payload: method === 'POST' ? source.archive : undefined,
      });
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    const elsewhere = await tb.app.inject({
      url: `/api/v1/tenants/dst-db/exports/${source.exportId}?download=1`,
      headers: await auth(),
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.code).toBe('NOT_FOUND');
    // Uploads are spooled to files that go once each response is sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(path.join(dataDir, 'imports'))).toEqual([]);
  });
});

describe('API keys of an imported tenant', () => {
  it('are re-keyed: the source key, relabelled, does not work on the copy; the copy keeps them revoked', async () => {
    const created = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: await auth(ownerToken),
      payload: { name: 'ci reader', permissions: ['deployments:read'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, secret } = created.json().data as { id: string; secret: string };
    const read = (key: string) =>
      tb.app.inject({ url: '/api/v1/deployments', headers: { authorization: `Bearer ${key}` } });
    expect((await read(secret)).statusCode).toBe(200);

    const archive = await exportOf('src');
    const imported = await importInto('rekeyed', archive.archive, '?isolation=schema');
    expect(imported.statusCode, imported.body).toBe(201);

    const relabelled = secret.replace(/^tbk\.src\./, 'tbk.rekeyed.');
    expect(relabelled).not.toBe(secret);
    expect((await read(relabelled)).statusCode).toBe(401);
    expect((await read(secret)).statusCode).toBe(200); // the source keeps its key
    const listed = await tb.app.inject({
      url: '/api/v1/api-keys',
      headers: { ...(await auth()), 'x-tenant-id': 'rekeyed' },
    });
    expect(listed.json().data).toEqual([
      expect.objectContaining({ id, name: 'ci reader', revoked_at: expect.any(String) }),
    ]);
  });
});

describe('an audit trail exported with an unsealed tail', () => {
  it('imports into one chain that seals the tail and verifies', async () => {
    await tb.createTenant({ id: 'pending-src', isolation: 'pool' });
    const source = (await tb.services.tenancy.registry.load('pending-src' as TenantId))!;
    // As if the source's sealer had not reached it yet: an entry committed without a seal.
    await tb.services.tenancy.withTenant(source, (scope) =>
      scope.db
        .insertInto('audit_log')
        .values({
          tenant_id: scope.tenantId,
          id: uuidv7(),
          created_at: new Date(),
          actor_type: 'system',
          actor_id: null,
          action: 'test.unsealed',
          target_type: 'test',
          target_id: null,
          request_id: null,
          before: null,
          after: null,
        })
        .execute(),
    );
    const before = await tb.services.tenancy.withTenant(source, (scope) => verifyAuditChain(scope));
    expect(before).toMatchObject({ ok: true, pending: 1 });
    const exported = await exportOf('pending-src');
    const imported = await importInto('pending-dst', exported.archive, '?isolation=database');
    expect(imported.statusCode, imported.body).toBe(201);
    const target = (await tb.services.tenancy.registry.load('pending-dst' as TenantId))!;
    const chain = await tb.services.tenancy.withTenant(target, (scope) => verifyAuditChain(scope));
    expect(chain).toMatchObject({ ok: true, pending: 0, entries: before.entries + 1, broken: null });
  });
});
