import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { ADMIN, ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

interface Snapshot {
  admins: number;
  tenants: number;
  bootstrapAudits: number;
  defaultUsers: number;
}

const tenantOf = (isolation: Isolation) => `restart-${isolation}`;

let first: TestInstance;
let second: TestInstance;
let before: Snapshot;
let adminToken: string;
const ownerTokens = new Map<Isolation, string>();
const rows = new Map<Isolation, string>();

async function snapshot(tb: TestInstance): Promise<Snapshot> {
  const { rows: platform } = await tb.services.tenancy.adminPool.query(
    `select (select count(*)::int from platform.platform_admins) as admins,
            (select count(*)::int from platform.tenants) as tenants,
            (select count(*)::int from platform.platform_audit where action = 'admin.bootstrap') as "bootstrapAudits"`,
  );
  const defaultTenant = (await tb.services.tenancy.registry.load('default' as TenantId))!;
  const defaultUsers = await tb.services.tenancy.withTenant(defaultTenant, async (scope) => {
    const users = await scope.db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', scope.tenantId)
      .execute();
    return users.length;
  });
  return { ...platform[0], defaultUsers } as Snapshot;
}

beforeAll(async () => {
  first = await startTestInstance();
  adminToken = await first.adminToken();
  await Promise.all(
    ISOLATIONS.map(async (isolation) => {
      const id = tenantOf(isolation);
      await first.createTenant({ id, isolation });
      const token = await first.login(`owner@${id}.test`, 'owner-password-1', id);
      ownerTokens.set(isolation, token);
      const created = await first.app.inject({
        method: 'POST',
        url: '/api/v1/deployments',
        headers: { authorization: `Bearer ${token}` },
        payload: { project_name: `survives ${isolation}` },
      });
      expect(created.statusCode).toBe(201);
      rows.set(isolation, created.json().data.id);
    }),
  );
  before = await snapshot(first);
  await first.close();
  second = await startTestInstance({ env: first.env });
});
afterAll(async () => {
  // Both share the databases; whichever is still up drops them.
  await (second ?? first)?.destroy();
});

describe('a restart on the same databases', () => {
  it('does not re-create the administrator or the default tenant', async () => {
    expect(before).toMatchObject({ admins: 1, bootstrapAudits: 1, defaultUsers: 1 });
    expect(await snapshot(second)).toEqual(before);
  });

  it('keeps every tenant active with its data, reachable with tokens issued before', async () => {
    for (const isolation of ISOLATIONS) {
      const response = await second.app.inject({
        url: `/api/v1/deployments/${rows.get(isolation)}`,
        headers: { authorization: `Bearer ${ownerTokens.get(isolation)}` },
      });
      expect(response.statusCode, isolation).toBe(200);
      expect(response.json().data).toMatchObject({
        tenant_id: tenantOf(isolation),
        project_name: `survives ${isolation}`,
      });
    }
    const tenant = await second.app.inject({
      url: `/api/v1/tenants/${tenantOf('database')}`,
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(tenant.json().data).toMatchObject({ status: 'active', isolation: 'database' });
  });

  it('signs in the same users with the same passwords', async () => {
    await expect(second.login(ADMIN.email, ADMIN.password)).resolves.toEqual(expect.any(String));
    const id = tenantOf('schema');
    await expect(second.login(`owner@${id}.test`, 'owner-password-1', id)).resolves.toEqual(
      expect.any(String),
    );
  });
});
