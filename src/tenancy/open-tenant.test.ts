import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../../test/support/test-instance.js';
import { AppError } from '../errors.js';
import { type OpenPolicy, openTenant, type Verdict } from './open-tenant.js';
import type { TenantStatus } from './registry/tenant-record.js';
import type { TenantRegistry } from './registry/tenant-registry.js';
import { parseTenantId } from './tenant-id.js';

// The expected table, written out independently of OPEN_POLICIES: a change to a rule must change both.
const EXPECTED: Record<OpenPolicy, Record<TenantStatus, Verdict>> = {
  request: {
    active: 'open',
    suspended: 'TENANT_SUSPENDED',
    deleting: 'TENANT_NOT_FOUND',
    deleted: 'TENANT_NOT_FOUND',
    provisioning: 'UNAVAILABLE',
    failed: 'UNAVAILABLE',
  },
  job: {
    active: 'open',
    suspended: 'open',
    deleting: 'TENANT_NOT_FOUND',
    deleted: 'TENANT_NOT_FOUND',
    provisioning: 'UNAVAILABLE',
    failed: 'UNAVAILABLE',
  },
  account_token: {
    active: 'open',
    suspended: 'TENANT_SUSPENDED',
    deleting: 'TENANT_NOT_FOUND',
    deleted: 'TENANT_NOT_FOUND',
    provisioning: 'UNAVAILABLE',
    failed: 'UNAVAILABLE',
  },
  platform_admin: {
    active: 'open',
    suspended: 'TENANT_SUSPENDED',
    deleting: 'TENANT_NOT_FOUND',
    deleted: 'TENANT_NOT_FOUND',
    provisioning: 'UNAVAILABLE',
    failed: 'UNAVAILABLE',
  },
  public_page: {
    active: 'open',
    suspended: 'open',
    deleting: 'TENANT_NOT_FOUND',
    deleted: 'TENANT_NOT_FOUND',
    provisioning: 'open',
    failed: 'open',
  },
};
const HTTP_STATUS = { TENANT_SUSPENDED: 403, TENANT_NOT_FOUND: 404, UNAVAILABLE: 503 } as const;

const statuses = Object.keys(EXPECTED.request) as TenantStatus[];
const cases = (Object.keys(EXPECTED) as OpenPolicy[]).flatMap((policy) =>
  statuses.map((status) => ({ policy, status, verdict: EXPECTED[policy][status] })),
);

const tenantId = parseTenantId('open-policy');
let tb: TestInstance;
let registry: TenantRegistry;

/** What openTenant answers, as a verdict: the tenant it opened, or the code it refused with. */
async function verdictOf(policy: OpenPolicy): Promise<Verdict> {
  try {
    const tenant = await openTenant(registry, tenantId, policy);
    expect(tenant.id).toBe(tenantId);
    return 'open';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.status).toBe(HTTP_STATUS[error.code as keyof typeof HTTP_STATUS]);
    if (error.code === 'UNAVAILABLE') expect(error.headers?.['Retry-After']).toBe('2');
    return error.code as Verdict;
  }
}

beforeAll(async () => {
  tb = await startTestInstance();
  registry = tb.services.tenancy.registry;
  await tb.createTenant({ id: tenantId, isolation: 'pool' });
  await tb.waitForTenant(tenantId);
});

afterAll(async () => {
  await tb?.destroy();
});

describe('openTenant policy × status, against the platform registry', () => {
  it.for(cases)('$policy on a $status tenant: $verdict', async ({ policy, status, verdict }) => {
    await registry.setStatus(tenantId, { status });
    expect(await verdictOf(policy)).toBe(verdict);
  });

  it('refuses every policy on a tenant that has no registry row, like a deleted one', async () => {
    for (const policy of Object.keys(EXPECTED) as OpenPolicy[]) {
      await expect(openTenant(registry, parseTenantId('never-created'), policy)).rejects.toMatchObject({
        code: 'TENANT_NOT_FOUND',
      });
    }
  });

  it("tells a refusal in the caller's own terms when it passes them", async () => {
    await registry.setStatus(tenantId, { status: 'suspended' });
    const hidden = new Error('invalid token');
    await expect(openTenant(registry, tenantId, 'account_token', { refuse: () => hidden })).rejects.toBe(
      hidden,
    );
  });

  it('reads the registry row itself for jobs, so a suspension that bypassed the cache still counts', async () => {
    await registry.setStatus(tenantId, { status: 'active' });
    expect(await verdictOf('request')).toBe('open'); // now cached as active
    // Another process deletes the tenant: this process's cache has not heard of it yet.
    await tb.services.tenancy.platformDb
      .updateTable('platform.tenants')
      .set({ status: 'deleting' })
      .where('id', '=', tenantId)
      .execute();
    expect(await verdictOf('job')).toBe('TENANT_NOT_FOUND');
    registry.invalidate(tenantId);
    expect(await verdictOf('request')).toBe('TENANT_NOT_FOUND');
  });
});
