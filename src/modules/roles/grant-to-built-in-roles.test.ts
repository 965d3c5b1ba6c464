import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runTenantMigrations } from '../../tenancy/migrations/run-tenant-migrations.js';
import { identityModule } from '../identity/identity.module.js';
import { grantToBuiltInRoles } from './grant-to-built-in-roles.js';

// A storage migrated before a module shipped: its built-in roles must gain the module's
// permissions once, and a tenant's later removal must survive the next runs.
const schema = `grant_test_${process.pid}`;
let admin: pg.Client;
const identity = { module: identityModule.name, migrations: identityModule.migrations };
const later = {
  module: 'widgets',
  migrations: [
    grantToBuiltInRoles('0002_grant_permissions', [
      { name: 'widgets:read' as never, roles: ['admin', 'member', 'viewer'] },
      { name: 'widgets:write' as never, roles: ['admin', 'member'] },
      { name: 'widgets:audit' as never, roles: [] },
    ]),
  ],
};

async function permissions(): Promise<Record<string, string[]>> {
  const { rows } = await admin.query<{ tenant_id: string; name: string; permissions: string[] }>(
    `select tenant_id, name, permissions from "${schema}".roles order by tenant_id, name`,
  );
  return Object.fromEntries(rows.map((row) => [`${row.tenant_id}/${row.name}`, row.permissions]));
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: inject('serverUrl') });
  await admin.connect();
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await runTenantMigrations(admin, schema, [identity], ['postgres']);
  for (const tenant of ['acme', 'globex'])
    await admin.query(
      `insert into "${schema}".roles (tenant_id, name, permissions, built_in)
       values ($1, 'owner', '{}', true), ($1, 'admin', '{users:read}', true), ($1, 'member', '{}', true),
              ($1, 'viewer', '{}', true), ($1, 'custom', '{}', false)`,
      [tenant],
    );
});
afterAll(async () => {
  await admin?.query(`drop schema if exists "${schema}" cascade`);
  await admin?.end();
});

describe('grantToBuiltInRoles', () => {
  it("adds a module's permissions to every tenant's built-in roles it names, nothing else", async () => {
    const outcome = await runTenantMigrations(admin, schema, [identity, later], ['postgres']);
    expect(outcome.applied).toEqual(['widgets:0002_grant_permissions']);
    const after = await permissions();
    for (const tenant of ['acme', 'globex']) {
      expect(after[`${tenant}/admin`]).toEqual(['users:read', 'widgets:read', 'widgets:write']);
      expect(after[`${tenant}/member`]).toEqual(['widgets:read', 'widgets:write']);
      expect(after[`${tenant}/viewer`]).toEqual(['widgets:read']);
      expect(after[`${tenant}/custom`]).toEqual([]);
      expect(after[`${tenant}/owner`]).toEqual([]);
    }
  });

  it('runs once per storage: a permission a tenant removed afterwards stays removed', async () => {
    await admin.query(
      `update "${schema}".roles set permissions = array_remove(permissions, 'widgets:write')
        where tenant_id = 'acme' and name = 'member'`,
    );
    const outcome = await runTenantMigrations(admin, schema, [identity, later], ['postgres']);
    expect(outcome.applied).toEqual([]);
    expect((await permissions())['acme/member']).toEqual(['widgets:read']);
  });

  it('never adds a permission twice when the SQL runs again', async () => {
    await admin.query(later.migrations[0]!.up(`"${schema}"`));
    const after = await permissions();
    expect(after['globex/admin']).toEqual(['users:read', 'widgets:read', 'widgets:write']);
    expect(after['acme/member']).toEqual(['widgets:read', 'widgets:write']);
  });
});
