import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantRecord } from '../src/tenancy/registry/tenant-record.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

const SET_TENANT = `select set_config('tenantbase.tenant_id', $1, true)`;
const COUNT = 'select count(*)::int as n from pool.deployments';

let tb: TestInstance;
/** One connection, so each transaction below runs on the connection the previous one used. */
let appPool: pg.Pool;
let tenant: TenantRecord;

async function count(client: pg.Pool | pg.ClientBase): Promise<number> {
  return (await client.query<{ n: number }>(COUNT)).rows[0]!.n;
}

beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { DATABASE_POOL_MAX: '1' } });
  await tb.createTenant({ id: 'rls-a', isolation: 'pool' });
  await tb.createTenant({ id: 'rls-b', isolation: 'pool' });
  const token = await tb.adminToken();
  for (const id of ['rls-a', 'rls-a', 'rls-b']) {
    const response = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${token}`, 'x-tenant-id': id },
      payload: { project_name: `rls row of ${id}` },
    });
    expect(response.statusCode, response.body).toBe(201);
  }
  tenant = (await tb.services.tenancy.registry.load('rls-a' as TenantId))!;
  appPool = new pg.Pool({ connectionString: tb.services.tenancy.endpoints.appUrl, max: 1 });
  // destroy() drops the databases by force, which may reach a connection still closing.
  appPool.on('error', () => undefined);
});
afterAll(async () => {
  await appPool?.end();
  await tb?.destroy();
});

describe('the application role on pool tables', () => {
  it('sees no rows without a tenant, and only its tenant with one', async () => {
    expect(await count(appPool)).toBe(0);
    const client = await appPool.connect();
    try {
      for (const [id, rows] of [
        ['rls-a', 2],
        ['rls-b', 1],
      ] as const) {
        await client.query('begin');
        await client.query(SET_TENANT, [id]);
        expect(await count(client), id).toBe(rows);
        await client.query('commit');
      }
    } finally {
      client.release();
    }
  });

  it('leaves nothing behind for the next transaction when a tenant transaction fails', async () => {
    const client = await appPool.connect();
    let pid: number;
    try {
      pid = (await client.query('select pg_backend_pid() as pid')).rows[0].pid;
      await client.query('begin');
      await client.query(SET_TENANT, ['rls-a']);
      expect(await count(client)).toBe(2);
      await expect(client.query('select 1 / 0')).rejects.toThrow(/division by zero/);
      await client.query('rollback');
    } finally {
      client.release();
    }
    const next = await appPool.connect();
    try {
      expect((await next.query('select pg_backend_pid() as pid')).rows[0].pid).toBe(pid);
      const setting = await next.query(`select current_setting('tenantbase.tenant_id', true) as t`);
      expect(setting.rows[0].t ?? '').toBe('');
      expect(await count(next)).toBe(0);
    } finally {
      next.release();
    }
  });

  it("cannot write into another tenant's rows while set to one tenant", async () => {
    const client = await appPool.connect();
    try {
      await client.query('begin');
      await client.query(SET_TENANT, ['rls-a']);
      const updated = await client.query(
        `update pool.deployments set project_name = 'x' where tenant_id = 'rls-b'`,
      );
      expect(updated.rowCount).toBe(0);
      await expect(
        client.query(
          `insert into pool.deployments (tenant_id, id, project_name, status, created_at, updated_at)
           values ('rls-b', gen_random_uuid(), 'planted', 'pending', now(), now())`,
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await client.query('rollback');
      client.release();
    }
  });

  it("leaves nothing behind after the app's own tenant scope fails", async () => {
    const { tenancy } = tb.services;
    const before = (await tenancy.appPool.query('select pg_backend_pid() as pid')).rows[0].pid;
    const failing = tenancy.withTenant(tenant, async (scope) => {
      const rows = await scope.db
        .selectFrom('deployments')
        .select('id')
        .where('tenant_id', '=', scope.tenantId)
        .execute();
      expect(rows).toHaveLength(2);
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    // DATABASE_POOL_MAX=1: the app's only connection, the one the failed scope ran on.
    const after = await tenancy.appPool.query(
      `select pg_backend_pid() as pid, current_setting('tenantbase.tenant_id', true) as t, (${COUNT}) as n`,
    );
    expect(after.rows[0]).toMatchObject({ pid: before, n: 0 });
    expect(after.rows[0].t ?? '').toBe('');
  });

  it('is neither superuser nor BYPASSRLS nor the owner of any pool table', async () => {
    const role = await appPool.query(
      'select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    expect(role.rows[0]).toMatchObject({ rolsuper: false, rolbypassrls: false });
    // Membership in the owner's role would carry the owner's rights too.
    const tables = await appPool.query<{ tablename: string; owned: boolean }>(
      `select tablename, pg_has_role(current_user, tableowner, 'MEMBER') as owned
         from pg_tables where schemaname = 'pool'`,
    );
    expect(tables.rows.length).toBeGreaterThan(0);
    for (const table of tables.rows) expect(table.owned, table.tablename).toBe(false);
  });

  it('has a one-iteration SCRAM verifier where the server lets us choose (PostgreSQL 16+)', async () => {
    const { tenancy } = tb.services;
    const { rows } = await tenancy.adminPool.query<{ version: number; verifier: string }>(
      `select current_setting('server_version_num')::int as version, rolpassword as verifier
         from pg_authid where rolname = $1`,
      [tenancy.endpoints.names.appRole],
    );
    // Its password is 192 random bits: stretching would only slow down every new connection.
    const iterations = rows[0]!.version >= 160000 ? '1' : '4096';
    expect(rows[0]!.verifier.startsWith(`SCRAM-SHA-256$${iterations}:`)).toBe(true);
  });

  it('has row-level security enabled and forced on every tenant table', async () => {
    const tenantTables = tb.services.modules.flatMap((module) => module.tables);
    const { rows } = await appPool.query<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(
      `select c.relname, c.relrowsecurity, c.relforcerowsecurity
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'pool' and c.relname = any($1)`,
      [tenantTables],
    );
    expect(rows.map((row) => row.relname).sort()).toEqual([...tenantTables].sort());
    for (const row of rows)
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });
});

describe('read scopes (GET requests): each statement read-only in its own implicit transaction', () => {
  const names = (access: 'read' | 'write' = 'read') =>
    tb.services.tenancy.withTenant(
      tenant,
      async (scope) => {
        const rows = await scope.db
          .selectFrom('deployments')
          .select('project_name')
          .where('tenant_id', '=', scope.tenantId)
          .execute();
        return rows.map((row) => row.project_name);
      },
      access,
    );

  /** The app's only connection (DATABASE_POOL_MAX=1), as the next request would find it. */
  async function connectionState() {
    const { rows } = await tb.services.tenancy.appPool.query(
      `select current_setting('tenantbase.tenant_id', true) as t,
              current_setting('transaction_read_only') as read_only, (${COUNT}) as n`,
    );
    return { tenant: rows[0].t ?? '', readOnly: rows[0].read_only, rows: rows[0].n };
  }

  it('see only their tenant and leave neither the tenant nor read-only mode on the connection', async () => {
    expect(await names()).toEqual(['rls row of rls-a', 'rls row of rls-a']);
    expect(await connectionState()).toEqual({ tenant: '', readOnly: 'off', rows: 0 });
  });

  it('refuse writes, so a GET can never commit half a change', async () => {
    const insert = tb.services.tenancy.withTenant(
      tenant,
      (scope) =>
        scope.db
          .insertInto('deployments')
          .values({
            tenant_id: scope.tenantId,
            id: '00000000-0000-7000-8000-000000000001',
            project_name: 'written in a read scope',
            status: 'pending',
            url: null,
            created_at: new Date(),
            updated_at: new Date(),
          })
          .execute(),
      'read',
    );
    await expect(insert).rejects.toThrow(/read-only transaction/);
    expect(await names('write')).toHaveLength(2);
    expect(await connectionState()).toEqual({ tenant: '', readOnly: 'off', rows: 0 });
  });

  it('leave the connection clean after a failing statement, and the next scope works', async () => {
    const failing = tb.services.tenancy.withTenant(
      tenant,
      (scope) =>
        scope.db
          .selectFrom('deployments')
          .select(sql<number>`1 / 0`.as('x'))
          .where('tenant_id', '=', scope.tenantId)
          .execute(),
      'read',
    );
    await expect(failing).rejects.toThrow(/division by zero/);
    expect(await connectionState()).toEqual({ tenant: '', readOnly: 'off', rows: 0 });
    expect(await names()).toHaveLength(2);
  });

  it('prepare their tenant preamble again when the server forgot it (DEALLOCATE ALL)', async () => {
    expect(await names()).toHaveLength(2);
    await tb.services.tenancy.appPool.query('deallocate all');
    // Two statements in flight at once on the one connection, both bound to the lost preamble.
    const [a, b] = await tb.services.tenancy.withTenant(
      tenant,
      (scope) => {
        const select = () =>
          scope.db
            .selectFrom('deployments')
            .select('project_name')
            .where('tenant_id', '=', scope.tenantId)
            .execute();
        return Promise.all([select(), select()]);
      },
      'read',
    );
    expect([a.length, b.length]).toEqual([2, 2]);
    expect(await names()).toHaveLength(2);
  });
});
