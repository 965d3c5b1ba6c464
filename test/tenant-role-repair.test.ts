import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './support/run-cli-captured.js';
import { quoteIdent } from '../src/db/sql-identifier.js';
import { checkTenantRoles } from '../src/tenancy/doctor/check-tenant-roles.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

/**
 * `tenantbase tenants repair-role`: the repair `tenantbase doctor` names for a tenant role that is
 * gone or was given rights past its fence, in both models that have roles, on real PostgreSQL.
 */
let tb: TestInstance;
const TENANTS = { schema: 'rr-schema', database: 'rr-db', pool: 'rr-pool' } as const;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  tb = await startTestInstance();
  for (const [isolation, id] of Object.entries(TENANTS)) {
    await tb.createTenant({ id, isolation: isolation as keyof typeof TENANTS });
    tokens[id] = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
  }
}, 120_000);
afterAll(async () => {
  await tb?.destroy();
});

const roleOf = (id: string) => tb.services.tenancy.endpoints.names.roleFor(id as TenantId);

const cli = (...argv: string[]) => runCliCaptured(argv, tb.env);

/** The doctor's tenant-role check over this instance's tenants. */
async function doctorRoles() {
  const { tenancy } = tb.services;
  const tenants = await Promise.all(
    Object.values(TENANTS).map(async (id) => (await tenancy.registry.load(id as TenantId))!),
  );
  return checkTenantRoles(tenancy, tenants);
}

/** Drops the tenant's role as an accident or a restore without roles would: its grants go with it. */
async function dropRole(id: string) {
  const { tenancy } = tb.services;
  const role = quoteIdent(roleOf(id));
  const tenant = (await tenancy.registry.load(id as TenantId))!;
  if (tenant.isolation === 'database') {
    const { client } = await tenancy.ownerStorage(tenant);
    try {
      await client.query(`drop owned by ${role}`);
    } finally {
      await client.end();
    }
  }
  await tenancy.adminPool.query(`drop owned by ${role}`);
  await tenancy.adminPool.query(`drop role ${role}`);
}

/** A write through the API, which in both models runs under the tenant's own role. */
async function write(id: string) {
  // A database tenant's pool logs in as the role: open connections would hide a missing one.
  await tb.services.tenancy.tenantDatabases.closeAll();
  return tb.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: { authorization: `Bearer ${tokens[id]}` },
    payload: { project_name: `after-repair-${randomUUID().slice(0, 8)}` },
  });
}

describe('tenants repair-role', () => {
  it('makes a dropped role again, in the schema and the database model, and the doctor names it', async () => {
    expect((await doctorRoles()).status).toBe('ok');
    for (const id of [TENANTS.schema, TENANTS.database]) {
      await dropRole(id);
      const broken = await doctorRoles();
      expect(broken.status).toBe('fail');
      expect(broken.detail).toContain(`${id}: role ${roleOf(id)} is missing`);
      expect(broken.detail).toContain('Fix: a missing role');
      expect(broken.detail).toContain('`tenantbase tenants repair-role <id>`');
      expect((await write(id)).statusCode).not.toBe(201);

      const repaired = await cli('tenants', 'repair-role', id, '--json');
      expect(repaired.status, repaired.err).toBe(0);
      expect(JSON.parse(repaired.out)).toEqual([{ tenant: id, repaired: true, role: roleOf(id) }]);
      expect((await doctorRoles()).status).toBe('ok');
      const created = await write(id);
      expect(created.statusCode, created.body).toBe(201);
    }
  });

  it('gives altered roles back their fenced attributes, and is idempotent', async () => {
    const { adminPool } = tb.services.tenancy;
    // Not superuser or BYPASSRLS on a schema tenant's role: the application role is a member of it,
    // so no Tenantbase process (this command's included) starts until that is revoked by hand.
    await adminPool.query(`alter role ${quoteIdent(roleOf(TENANTS.schema))} createrole login`);
    await adminPool.query(`alter role ${quoteIdent(roleOf(TENANTS.database))} bypassrls createdb`);
    const broken = (await doctorRoles()).detail;
    expect(broken).toContain(`${TENANTS.schema}: role ${roleOf(TENANTS.schema)} can log in`);
    expect(broken).toContain(`${TENANTS.database}: role ${roleOf(TENANTS.database)} is superuser, BYPASSRLS`);
    for (let run = 0; run < 2; run++) {
      for (const id of [TENANTS.schema, TENANTS.database]) {
        const repaired = await cli('tenants', 'repair-role', id);
        expect(repaired.status, repaired.err).toBe(0);
        expect(repaired.out).toBe(`${id}: role ${roleOf(id)} repaired`);
      }
    }
    expect((await doctorRoles()).status).toBe('ok');
    for (const id of [TENANTS.schema, TENANTS.database]) expect((await write(id)).statusCode).toBe(201);
    const audited = await tb.services.tenancy.platformDb
      .selectFrom('platform.platform_audit')
      .select('action')
      .where('action', '=', 'tenant.role_repaired')
      .where('tenant_id', '=', TENANTS.schema)
      .execute();
    expect(audited).toHaveLength(3);
  });

  it('leaves a tenant being moved alone: provisioning would lift the fence on its old storage', async () => {
    const db = tb.services.tenancy.platformDb;
    await db
      .insertInto('platform.tenant_write_freezes')
      .values({
        tenant_id: TENANTS.database,
        move_id: randomUUID(),
        source_isolation: 'database',
        thawed: false,
        created_at: new Date(),
      })
      .execute();
    try {
      const refused = await cli('tenants', 'repair-role', TENANTS.database, '--json');
      expect(refused.status).toBe(1);
      expect(JSON.parse(refused.out)).toEqual([
        { tenant: TENANTS.database, repaired: false, reason: expect.stringContaining('being moved') },
      ]);
    } finally {
      await db
        .deleteFrom('platform.tenant_write_freezes')
        .where('tenant_id', '=', TENANTS.database)
        .execute();
    }
  });

  it('repairs every role with --all, says why a pool tenant has none, and refuses bad arguments', async () => {
    const all = await cli('tenants', 'repair-role', '--all', '--json');
    expect(all.status, all.err).toBe(0);
    expect(JSON.parse(all.out)).toEqual([
      { tenant: TENANTS.database, repaired: true, role: roleOf(TENANTS.database) },
      { tenant: TENANTS.schema, repaired: true, role: roleOf(TENANTS.schema) },
    ]);
    const pool = await cli('tenants', 'repair-role', TENANTS.pool);
    expect(pool.status).toBe(1);
    expect(pool.out).toBe(`${TENANTS.pool}: not repaired (a pool tenant has no role of its own)`);
    expect((await cli('tenants', 'repair-role')).status).toBe(2);
    expect((await cli('tenants', 'repair-role', TENANTS.schema, '--all')).status).toBe(2);
    expect((await cli('tenants', 'repair-role', 'Bad Id!')).status).toBe(2);
    const unknown = await cli('tenants', 'repair-role', 'rr-nobody', '--json');
    expect(unknown.status).toBe(2);
    expect(JSON.parse(unknown.err).error.code).toBe('TENANT_NOT_FOUND');
  });
});
