import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBehind } from '../../src/tenancy/migrations/migrate-tenant-storages.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { ADMIN, startTestInstance, type TestInstance } from '../support/test-instance.js';

/*
 * One server process runs a job of every kind and two imports at once, each held mid-way by a
 * lock this test owns; the process is SIGKILLed, the locks dropped, and a restarted process must
 * bring every one to its correct end. One kill and one restart keep the suite short.
 */
const DEPLOYMENTS = 3;
let tb: TestInstance;
let env: Record<string, string>;
let archive: Buffer;
let exportId: string;
let server: ServerProcess | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function call(
  instance: TestInstance,
  method: 'GET' | 'POST',
  url: string,
  token?: string,
  payload?: object,
) {
  return instance.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token ?? (await instance.adminToken())}` },
    ...(payload ? { payload } : {}),
  });
}

async function exportDone(instance: TestInstance, id: string) {
  const url = `/api/v1/tenants/fe-exp/exports/${id}`;
  const status = await until('the export', async () => {
    const data = (await call(instance, 'GET', url)).json().data;
    return data.status === 'running' ? undefined : data;
  });
  expect(status.status, status.error).toBe('done');
  const file = await call(instance, 'GET', `${url}?download=1`);
  expect(file.statusCode).toBe(200);
  return { status, file: file.rawPayload };
}

beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { JOB_LEASE_SECONDS: '1', JOB_CONCURRENCY: '8' } });
  for (const id of ['fd-del', 'fe-exp', 'fm-mig']) await tb.createTenant({ id, isolation: 'schema' });
  const owner = await tb.login('owner@fe-exp.test', 'owner-password-1', 'fe-exp');
  for (let i = 0; i < DEPLOYMENTS; i++) {
    const created = await call(tb, 'POST', '/api/v1/deployments', owner, { project_name: `app-${i}` });
    expect(created.statusCode).toBe(201);
  }
  const started = await call(tb, 'POST', '/api/v1/tenants/fe-exp/export');
  archive = (await exportDone(tb, started.json().data.id)).file;
  env = tb.env;
  await tb.close();
  // An upgrade shipped a migration fm-mig lacks: its start queues the tenants.migrate job.
  const admin = new pg.Client({ connectionString: env.DATABASE_URL });
  await admin.connect();
  await admin.query(`drop table t_fm_mig.external_identities`);
  await admin.query(`delete from t_fm_mig.tenant_migrations where id = 'oidc:0001_external_identities'`);
  await admin.query(
    `delete from platform.storage_migrations where storage = 'schema:fm-mig' and migration_id = 'oidc:0001_external_identities'`,
  );
  await admin.end();
});
afterAll(async () => {
  await server?.kill();
  await tb?.destroy();
});

describe('a server process SIGKILLed in the middle of every job kind and of two imports', () => {
  it('leaves work that a restarted process brings to its correct end', { timeout: 180_000 }, async () => {
    const locks = new pg.Client({ connectionString: env.DATABASE_URL });
    await locks.connect();
    const waiters = async (relation: string) =>
      Number(
        (
          await locks.query(
            `select count(*) as n from pg_locks where not granted and relation = to_regclass($1)`,
            [relation],
          )
        ).rows[0].n,
      );
    // On a timeout, what every backend was doing says which step did not stop where expected.
    const blockedOn = (relation: string, count = 1) =>
      until(
        `${count} backend(s) waiting on ${relation}`,
        async () => (await waiters(relation)) >= count,
        20_000,
      ).catch(async (error: Error) => {
        const activity = await locks.query(
          `select state, wait_event_type, left(query, 120) as query from pg_stat_activity where datname = current_database()`,
        );
        throw new Error(`${error.message}\n${JSON.stringify(activity.rows, null, 1)}\n${server?.output()}`);
      });
    try {
      await locks.query('begin');
      await locks.query('lock table pool.roles in share mode'); // provisioning seeds roles; a pool import loads them
      await locks.query('lock table t_fd_del.deployments in access share mode'); // deletion drops the schema
      await locks.query('lock table t_fe_exp.deployments in access exclusive mode'); // export reads it
      await locks.query('lock table t_fm_mig.tenant_migrations in exclusive mode'); // migrate records there
      server = await startServerProcess({ ...env, JOB_LEASE_SECONDS: '1', JOB_CONCURRENCY: '8' });
      const token = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      }).then(async (r) => (await r.json()).data.access_token as string);
      const send = (method: string, path: string, body?: object | Buffer) =>
        fetch(`${server!.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body instanceof Buffer
              ? { 'content-type': 'application/gzip' }
              : body
                ? { 'content-type': 'application/json' }
                : {}),
          },
          ...(body ? { body: body instanceof Buffer ? new Uint8Array(body) : JSON.stringify(body) } : {}),
        });

      const created = await send('POST', '/api/v1/tenants', {
        id: 'fp-pool',
        name: 'fp-pool',
        isolation: 'pool',
        admin_email: 'owner@fp-pool.test',
        admin_password: 'owner-password-1',
      });
      expect(created.status).toBe(202);
      await blockedOn('pool.roles');
      expect((await send('DELETE', '/api/v1/tenants/fd-del?confirm=fd-del')).status).toBe(202);
      await blockedOn('t_fd_del.deployments');
      const exported = await send('POST', '/api/v1/tenants/fe-exp/export');
      expect(exported.status).toBe(202);
      exportId = (await exported.json()).data.id;
      await blockedOn('t_fe_exp.deployments');
      await blockedOn('t_fm_mig.tenant_migrations');
      // A pool import stops half-way through its rows, a schema import after building its storage.
      const poolImport = send('POST', '/api/v1/tenants/fi-pool/import?isolation=pool', archive);
      await blockedOn('pool.roles', 2);
      await locks.query('lock table platform.storage_migrations in exclusive mode');
      const schemaImport = send('POST', '/api/v1/tenants/fi-schema/import?isolation=schema', archive);
      await blockedOn('platform.storage_migrations');
      const imports = [poolImport, schemaImport].map((request) => request.catch(() => 'killed'));

      await server.kill();
      expect(await Promise.all(imports)).toEqual(['killed', 'killed']);
      await locks.query('rollback');
    } finally {
      await locks.end();
    }

    tb = await startTestInstance({ env });
    const { tenancy } = tb.services;
    const tenant = async (id: string) => tenancy.registry.load(id as TenantId);

    // provision: active, with its built-in roles and its owner
    expect(await tb.waitForTenant('fp-pool')).toMatchObject({ status: 'active' });
    const fpPool = (await tenant('fp-pool'))!;
    const roles = await tenancy.withTenant(fpPool, (scope) =>
      scope.db
        .selectFrom('roles')
        .select('name')
        .where('tenant_id', '=', scope.tenantId)
        .where('built_in', '=', true)
        .execute(),
    );
    expect(roles.map((r) => r.name).sort()).toEqual(['admin', 'member', 'owner', 'viewer']);
    expect(await tb.login('owner@fp-pool.test', 'owner-password-1', 'fp-pool')).toEqual(expect.any(String));

    // delete: storage gone, rows 0
    const deleted = await until('the deletion', async () => {
      const row = await tenant('fd-del');
      return row?.status === 'deleted' ? row : undefined;
    });
    expect(await tenancy.inspect(deleted)).toMatchObject({ exists: false, rows: 0 });

    // export: complete and downloadable
    const { status, file } = await exportDone(tb, exportId);
    expect(file.length).toBe(status.size_bytes);
    expect(createHash('sha256').update(file).digest('hex')).toBe(status.sha256);
    const manifest = JSON.parse(gunzipSync(file).toString('utf8').split('\n')[0]!);
    expect(manifest.tables.find((t: { name: string }) => t.name === 'deployments')).toMatchObject({
      rows: DEPLOYMENTS,
    });

    // migrate: every migration recorded, the missing table built
    await until('the migration', async () => (await findBehind(tenancy)).length === 0);
    const fmMig = (await tenant('fm-mig'))!;
    const applied = await tenancy.adminPool.query(`select id from t_fm_mig.tenant_migrations`);
    expect(applied.rows.map((r) => r.id).sort()).toEqual([...tenancy.latestMigrations].sort());
    await tenancy.withTenant(fmMig, (scope) =>
      scope.db
        .selectFrom('external_identities')
        .select('subject')
        .where('tenant_id', '=', scope.tenantId)
        .execute(),
    );

    // import: no tenant, storage or row left, and the same import then succeeds
    for (const [id, isolation] of [
      ['fi-schema', 'schema'],
      ['fi-pool', 'pool'],
    ] as const) {
      await until(`the half-made ${id} to go`, async () => (await tenant(id)) === undefined);
      expect(
        await tenancy.inspect({ id: id as TenantId, isolation, placement: null } as never),
      ).toMatchObject({
        rows: 0,
        ...(isolation === 'schema' ? { exists: false } : {}),
      });
      const recorded = await tenancy.platformDb
        .selectFrom('platform.storage_migrations')
        .select('migration_id')
        .where('storage', '=', `schema:${id}`)
        .execute();
      expect(recorded).toEqual([]);
      const retried = await tb.app.inject({
        method: 'POST',
        url: `/api/v1/tenants/${id}/import?isolation=${isolation}`,
        headers: { authorization: `Bearer ${await tb.adminToken()}`, 'content-type': 'application/gzip' },
        payload: archive,
      });
      expect(retried.statusCode, retried.body).toBe(201);
    }
    const jobs = await tenancy.platformDb
      .selectFrom('platform.jobs')
      .select(['kind', 'status', 'attempts'])
      .where('kind', 'in', ['tenant.provision', 'tenant.delete', 'tenant.export', 'tenants.migrate'])
      .where('created_at', '>', new Date(Date.now() - 10 * 60_000))
      .execute();
    expect(jobs.filter((job) => job.status !== 'done')).toEqual([]);
  });
});
