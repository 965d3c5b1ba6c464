import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import { findBehind, migrateTenantStorages } from '../src/tenancy/migrations/migrate-tenant-storages.js';
import { findPlaintext } from './support/find-plaintext.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
const ids = {
  poolA: 'roles-pool-a',
  schemaA: 'roles-schema-a',
  schemaB: 'roles-schema-b',
  dbA: 'roles-db-a',
  dbB: 'roles-db-b',
};

beforeAll(async () => {
  tb = await startTestInstance();
  await tb.createTenant({ id: ids.poolA, isolation: 'pool' });
  await tb.createTenant({ id: ids.schemaA, isolation: 'schema' });
  await tb.createTenant({ id: ids.schemaB, isolation: 'schema' });
  await tb.createTenant({ id: ids.dbA, isolation: 'database' });
  await tb.createTenant({ id: ids.dbB, isolation: 'database' });
}, 120_000);

afterAll(async () => {
  await tb?.destroy();
});

const names = () => tb.services.tenancy.endpoints.names;
const record = async (id: string) => (await tb.services.tenancy.registry.load(id as TenantId))!;

function urlAs(database: string, user: string, password: string): string {
  const url = new URL(tb.services.tenancy.endpoints.adminUrl);
  url.pathname = `/${database}`;
  url.username = user;
  url.password = password;
  return url.toString();
}

async function errorCode(work: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('per-tenant PostgreSQL roles', () => {
  it('the registry names each schema and database tenant’s own role; pool tenants keep the app role', async () => {
    expect((await record(ids.poolA)).storage_role).toBeNull();
    for (const id of [ids.schemaA, ids.dbA]) {
      expect((await record(id)).storage_role).toBe(names().roleFor(id as TenantId));
    }
  });

  it('a scope runs as the tenant’s role, in read and write scopes alike', async () => {
    const { tenancy } = tb.services;
    for (const [id, expected] of [
      [ids.poolA, names().appRole],
      [ids.schemaA, names().roleFor(ids.schemaA as TenantId)],
      [ids.dbA, names().roleFor(ids.dbA as TenantId)],
    ] as const) {
      for (const access of ['read', 'write'] as const) {
        const who = await tenancy.withTenant(
          await record(id),
          async (scope) =>
            (await sql<{ who: string }>`select current_user as who`.execute(scope.db)).rows[0]!.who,
          access,
        );
        expect(who, `${id} ${access}`).toBe(expected);
      }
    }
    // After the scope, the connection is the app role's again (SET LOCAL ends with the transaction).
    const { rows } = await tenancy.appPool.query<{ who: string }>('select current_user as who');
    expect(rows[0]!.who).toBe(names().appRole);
  });

  it('a schema tenant’s role cannot read another tenant’s schema or the platform, even by hand', async () => {
    const owner = new pg.Client({ connectionString: tb.services.tenancy.endpoints.adminUrl });
    await owner.connect();
    try {
      const as = async (id: string, text: string) => {
        await owner.query('begin');
        try {
          await owner.query(`set local role "${names().roleFor(id as TenantId)}"`);
          return await owner.query(text);
        } finally {
          await owner.query('rollback');
        }
      };
      const own = `"${names().schemaFor(ids.schemaA as TenantId)}"`;
      const other = `"${names().schemaFor(ids.schemaB as TenantId)}"`;
      expect((await as(ids.schemaA, `select count(*) from ${own}.deployments`)).rowCount).toBe(1);
      expect(await errorCode(() => as(ids.schemaA, `select * from ${other}.deployments`))).toBe('42501');
      expect(await errorCode(() => as(ids.schemaA, `select * from ${other}.users`))).toBe('42501');
      expect(await errorCode(() => as(ids.schemaA, `select * from pool.deployments`))).toBe('42501');
      expect(await errorCode(() => as(ids.schemaA, `select * from platform.tenants`))).toBe('42501');
    } finally {
      await owner.end();
    }
  });

  it('a database tenant’s role logs in to its own database only', async () => {
    const { tenancy } = tb.services;
    const password = await tenancy.credentials.passwordFor(ids.dbA as TenantId);
    const role = names().roleFor(ids.dbA as TenantId);
    const connectTo = async (database: string) => {
      const client = new pg.Client({ connectionString: urlAs(database, role, password) });
      try {
        await client.connect();
        return (await client.query('select count(*)::int as n from deployments')).rows[0].n as number;
      } finally {
        await client.end().catch(() => undefined);
      }
    };
    expect(await connectTo(names().databaseFor(ids.dbA as TenantId))).toBeGreaterThanOrEqual(0);
    expect(await errorCode(() => connectTo(names().databaseFor(ids.dbB as TenantId)))).toBe('42501');
    const platformDb = new URL(tenancy.endpoints.adminUrl).pathname.slice(1);
    expect(await errorCode(() => connectTo(platformDb))).toBe('42501');
    // PUBLIC has no CONNECT on a tenant database: a role made later (or by someone else) cannot log in either.
    const { rows } = await tenancy.adminPool.query<{ public_connect: boolean }>(
      `select has_database_privilege('public', datname, 'connect') as public_connect from pg_database where datname = $1`,
      [names().databaseFor(ids.dbB as TenantId)],
    );
    expect(rows[0]!.public_connect).toBe(false);
  });

  it('keeps the role passwords sealed: the registry holds the role name, the platform database no password', async () => {
    const { tenancy } = tb.services;
    const passwords = await Promise.all(
      [ids.dbA, ids.dbB].map((id) => tenancy.credentials.passwordFor(id as TenantId)),
    );
    expect(passwords.every((password) => password.length >= 32)).toBe(true);
    const owner = new pg.Client({ connectionString: tenancy.endpoints.adminUrl });
    await owner.connect();
    try {
      expect(await findPlaintext(owner, passwords)).toEqual([]);
    } finally {
      await owner.end();
    }
  });

  it('gives tenants from before per-tenant roles theirs through the storage migration (the upgrade path)', async () => {
    const { tenancy } = tb.services;
    const whoAmI = async (id: string) =>
      tenancy.withTenant(await record(id), async (scope) => {
        const { rows } = await sql<{ who: string }>`select current_user as who`.execute(scope.db);
        return rows[0]!.who;
      });
    // As an older version left them: no role, no stored password, nothing in the registry.
    for (const id of [ids.schemaB, ids.dbB]) {
      await tenancy.dropStorageRole(await record(id));
      tenancy.registry.invalidate(id as TenantId);
      expect((await record(id)).storage_role).toBeNull();
      await tenancy.tenantDatabases.close(`default/${names().databaseFor(id as TenantId)}/${id}`);
      expect(await whoAmI(id)).toBe(names().appRole); // still served, as before the upgrade
    }
    const behind = (await findBehind(tenancy)).map((storage) => storage.id);
    expect(behind).toEqual(expect.arrayContaining([ids.schemaB, ids.dbB]));
    expect(behind).not.toContain(ids.schemaA);

    const report = await migrateTenantStorages(tenancy, {
      concurrency: 2,
      only: [ids.schemaB, ids.dbB] as TenantId[],
    });
    expect(report.failed).toEqual([]);
    for (const id of [ids.schemaB, ids.dbB]) {
      expect((await record(id)).storage_role).toBe(names().roleFor(id as TenantId));
      expect(await whoAmI(id)).toBe(names().roleFor(id as TenantId));
    }
    expect((await findBehind(tenancy)).map((storage) => storage.id)).not.toContain(ids.schemaB);
  });

  it('a storage behind whose role is gone is provisioned again by the fleet migration, not left without it', async () => {
    const { tenancy } = tb.services;
    const role = names().roleFor(ids.schemaA as TenantId);
    await tenancy.adminPool.query(`drop owned by "${role}"; drop role "${role}"`);
    await tenancy.adminPool.query(
      `delete from platform.storage_migrations where storage = $1
        and migration_id = (select max(migration_id) from platform.storage_migrations where storage = $1)`,
      [`schema:${ids.schemaA}`],
    );
    expect((await findBehind(tenancy)).map((storage) => storage.id)).toContain(ids.schemaA);
    const report = await migrateTenantStorages(tenancy, { concurrency: 1, only: [ids.schemaA as TenantId] });
    expect(report).toMatchObject({ failed: [], migrated: [ids.schemaA] });
    const found = await tenancy.adminPool.query('select 1 from pg_roles where rolname = $1', [role]);
    expect(found.rowCount).toBe(1);
    const who = await tenancy.withTenant(await record(ids.schemaA), async (scope) => {
      const { rows } = await sql<{ who: string }>`select current_user as who`.execute(scope.db);
      return rows[0]!.who;
    });
    expect(who).toBe(role);
  });
});
