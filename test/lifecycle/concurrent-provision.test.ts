import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantLocation } from '../../src/tenancy/isolation/isolation-model.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

// Enough parallel provisioners that catalog updates on a shared row (pg_database, pg_namespace)
// collide on every run when nothing serialises them.
const AT_ONCE = 8;

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance({ startWorker: false });
});
afterAll(async () => {
  await tb?.destroy();
});

const location = (id: string, isolation: Isolation): TenantLocation => ({
  id: id as TenantId,
  isolation,
  placement: 'default',
});

/** Runs every provision at once and returns the failures' messages (none is the expected outcome). */
async function provisionAtOnce(tenants: TenantLocation[]): Promise<string[]> {
  const results = await Promise.allSettled(tenants.map((tenant) => tb.services.tenancy.provision(tenant)));
  return results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
}

describe('provisioning at the same time', () => {
  it('one new database tenant provisioned by several workers at once (e.g. a retry and the migrate job)', async () => {
    const tenant = location('race-db-new', 'database');
    expect(await provisionAtOnce(Array.from({ length: AT_ONCE }, () => tenant))).toEqual([]);
    expect(await tb.services.tenancy.inspect(tenant)).toEqual({ exists: true, rows: 0 });
  });

  it('one existing database tenant re-provisioned by several workers at once (its grants re-applied)', async () => {
    const tenant = location('race-db-existing', 'database');
    await tb.services.tenancy.provision(tenant);
    expect(await provisionAtOnce(Array.from({ length: AT_ONCE }, () => tenant))).toEqual([]);
  });

  it('several database tenants at once', async () => {
    const tenants = Array.from({ length: AT_ONCE }, (_, i) => location(`race-db-${i}`, 'database'));
    expect(await provisionAtOnce(tenants)).toEqual([]);
    for (const tenant of tenants) expect((await tb.services.tenancy.inspect(tenant)).exists).toBe(true);
  });

  it('schema tenants, the same one and distinct ones, and the shared pool schema at once', async () => {
    const same = location('race-schema-same', 'schema');
    const tenants = [
      ...Array.from({ length: AT_ONCE }, () => same),
      ...Array.from({ length: AT_ONCE }, (_, i) => location(`race-schema-${i}`, 'schema')),
      ...Array.from({ length: AT_ONCE }, (_, i) => location(`race-pool-${i}`, 'pool')),
    ];
    expect(await provisionAtOnce(tenants)).toEqual([]);
    for (const tenant of tenants.filter((t) => t.isolation === 'schema'))
      expect((await tb.services.tenancy.inspect(tenant)).exists).toBe(true);
  });
});
