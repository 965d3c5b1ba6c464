import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src/jobs/job-queue.js';
import { deleteTenantJob } from '../../src/modules/tenant-deletion/delete-tenant-job.js';
import { credentialSecretName } from '../../src/tenancy/credentials/tenant-credentials.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { asStorageOwner } from '../support/tenant-storage-owner.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tenantbase-delete-'));
  tb = await startTestInstance({ extraEnv: { DATA_DIR: dataDir } });
});
afterAll(async () => {
  await tb?.destroy();
  await rm(dataDir, { recursive: true, force: true });
});

const auth = async (token?: string) => ({ authorization: `Bearer ${token ?? (await tb.adminToken())}` });

async function waitForStatus(id: string, status: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tenant = await tb.services.tenancy.registry.load(id as TenantId);
    if (tenant?.status === status) return;
    if (Date.now() > deadline) throw new Error(`${id} is still ${tenant?.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What is left of the tenant, counted past every fence: as the owner, in the catalogs too. */
async function leftovers(id: string, isolation: Isolation) {
  const { tenancy } = tb.services;
  const names = tenancy.endpoints.names;
  const admin = tenancy.adminPool;
  const schemas = await admin.query('select 1 from pg_namespace where nspname = $1', [
    names.schemaFor(id as TenantId),
  ]);
  const databases = await admin.query('select 1 from pg_database where datname = $1', [
    names.databaseFor(id as TenantId),
  ]);
  let poolRows = 0;
  if (isolation === 'pool') {
    poolRows = await asStorageOwner(tb, { id, isolation }, async (client, table) => {
      let rows = 0;
      for (const name of tb.services.modules.flatMap((m) => m.tables)) {
        const found = await client.query(
          `select count(*)::int as n from ${table(name)} where tenant_id = $1`,
          [id],
        );
        rows += found.rows[0].n;
      }
      return rows;
    });
  }
  const hostnames = await admin.query('select 1 from platform.tenant_hostnames where tenant_id = $1', [id]);
  const migrations = await admin.query('select 1 from platform.storage_migrations where storage like $1', [
    `%:${id}`,
  ]);
  const roles = await admin.query('select 1 from pg_roles where rolname = $1', [
    names.roleFor(id as TenantId),
  ]);
  const credentials = await admin.query('select 1 from platform.secrets where name = $1', [
    credentialSecretName(id as TenantId),
  ]);
  return {
    schema: schemas.rowCount,
    database: databases.rowCount,
    role: roles.rowCount,
    credentials: credentials.rowCount,
    poolRows,
    hostnames: hostnames.rowCount,
    migrations: migrations.rowCount,
    inspect: await tenancy.inspect({ id: id as TenantId, isolation, placement: 'default' }),
  };
}

it('keeps the default tenant while it is the last one', async () => {
  const response = await tb.app.inject({
    method: 'DELETE',
    url: '/api/v1/tenants/default?confirm=default',
    headers: await auth(),
  });
  expect(response.statusCode).toBe(409);
  expect(response.json().error.code).toBe('CONFLICT');
});

describe.for(ISOLATIONS)('%s isolation', (isolation) => {
  const id = `del-${isolation}`;

  it('refuses a tenant user and a missing or wrong confirm', async () => {
    await tb.createTenant({ id, isolation });
    const owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    const created = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/workflows',
      headers: await auth(owner),
      payload: { name: 'nightly', config: { steps: [1, 2] } },
    });
    expect(created.statusCode).toBe(201);
    await tb.services.tenancy.platformDb
      .insertInto('platform.tenant_hostnames')
      .values({ hostname: `${id}.customer.test`, tenant_id: id })
      .execute();

    const asOwner = await tb.app.inject({
      method: 'DELETE',
      url: `/api/v1/tenants/${id}?confirm=${id}`,
      headers: await auth(owner),
    });
    expect(asOwner.statusCode).toBe(403);
    expect(asOwner.json().error.code).toBe('FORBIDDEN');
    for (const query of ['', '?confirm=other', `?confirm=${id}x`]) {
      const response = await tb.app.inject({
        method: 'DELETE',
        url: `/api/v1/tenants/${id}${query}`,
        headers: await auth(),
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const before = await leftovers(id, isolation);
    expect(before.inspect.rows).toBeGreaterThan(0);
    // Its own role (a password only for a database tenant), which deletion must take with it.
    expect([before.role, before.credentials]).toEqual(
      isolation === 'pool' ? [0, 0] : isolation === 'schema' ? [1, 0] : [1, 1],
    );
  });

  it('erases every row, schema or database and proves it: deleting, then deleted', async () => {
    const response = await tb.app.inject({
      method: 'DELETE',
      url: `/api/v1/tenants/${id}?confirm=${id}`,
      headers: await auth(),
    });
    expect(response.statusCode).toBe(202);
    expect(response.json().data.status).toBe('deleting');
    await waitForStatus(id, 'deleted');

    expect(await leftovers(id, isolation)).toEqual({
      schema: 0,
      database: 0,
      role: 0,
      credentials: 0,
      poolRows: 0,
      hostnames: 0,
      migrations: 0,
      inspect: { exists: isolation === 'pool', rows: 0 }, // the shared pool schema stays for the others
    });
    const audit = await tb.services.tenancy.platformDb
      .selectFrom('platform.platform_audit')
      .select(['action', 'details'])
      .where('tenant_id', '=', id)
      .where('action', 'like', 'tenant.delete%')
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['tenant.delete_requested', 'tenant.delete']);
    expect(audit[1]!.details).toMatchObject({ rows_left: 0, storage_exists: false });

    const gone = await tb.app.inject({ url: `/api/v1/tenants/${id}`, headers: await auth() });
    expect(gone.statusCode).toBe(404);
    const login = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: `owner@${id}.test`, password: 'owner-password-1', tenant_id: id },
    });
    expect(login.statusCode).toBe(404);
    // The registry row stays as a tombstone: the id is never handed to someone else.
    const again = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/tenants',
      headers: await auth(),
      payload: {
        id,
        name: 'again',
        isolation,
        admin_email: 'x@again.test',
        admin_password: 'owner-password-1',
      },
    });
    expect(again.statusCode).toBe(409);
  });
});

it('resumes a deletion that crashed half-way, and running it twice is harmless', async () => {
  const id = 'del-crash' as TenantId;
  await tb.createTenant({ id, isolation: 'schema' });
  const { tenancy } = tb.services;
  // The state a crash after the storage was dropped leaves: `deleting`, storage gone, the rest still there.
  await mkdir(path.join(dataDir, 'exports', id), { recursive: true });
  await writeFile(path.join(dataDir, 'exports', id, 'old.jsonl.gz'), 'archive');
  await tenancy.registry.setStatus(id, { status: 'deleting' });
  await tenancy.destroy((await tenancy.registry.load(id))!);
  const job: Job = {
    id: '0',
    kind: 'tenant.delete',
    tenantId: id,
    payload: {},
    attempts: 2,
    maxAttempts: 10,
    leaseToken: '',
  };
  const run = deleteTenantJob(tb.services);
  expect(await run(job)).toEqual({ deleted: id, rows_left: 0 });
  expect(await run(job)).toEqual({ skipped: 'already deleted' });
  expect((await leftovers(id, 'schema')).migrations).toBe(0);
  expect((await tenancy.registry.load(id))!.status).toBe('deleted');
  expect(await readdir(path.join(dataDir, 'exports'))).not.toContain(id); // its archives went with it
});
