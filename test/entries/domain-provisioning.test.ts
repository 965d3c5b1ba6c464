import { afterAll, describe, expect, it } from 'vitest';
import { forgetEnsuredDomain } from '../../src/modules/entries/ensure-domain-types.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { api, TIER_OF } from '../support/identity-api.js';
import { ISOLATIONS, startTestInstance } from '../support/test-instance.js';

const tb = await startTestInstance();
afterAll(() => tb.destroy());

const DENTAL = ['dental_supplies', 'patients', 'treatments'];
const MANUFACTURING = ['boms', 'materials', 'production_orders'];

/** The tenant's entry types read from its storage directly: no entries route, so no lazy seed. */
async function storedTypes(id: string): Promise<string[]> {
  const { tenancy } = tb.services;
  tenancy.registry.invalidate(id as TenantId);
  const tenant = (await tenancy.registry.load(id as TenantId))!;
  const rows = await tenancy.withTenant(
    tenant,
    (scope) =>
      scope.db
        .selectFrom('entry_types')
        .select('key')
        .where('tenant_id', '=', scope.tenantId)
        .orderBy('key')
        .execute(),
    'read',
  );
  return rows.map((row) => row.key);
}

describe.for(ISOLATIONS)('business domain presets in a %s tenant', (isolation) => {
  const dental = `dp-${isolation}`;
  const plain = `dp-${isolation}-plain`;

  it('are in the storage as soon as provisioning ends, before any entries request', async () => {
    await Promise.all([
      tb.createTenant({ id: dental, isolation, tier: TIER_OF[isolation], business_domain: 'dental' }),
      tb.createTenant({ id: plain, isolation, tier: TIER_OF[isolation] }),
    ]);
    expect(await storedTypes(dental)).toEqual(DENTAL);
    expect(await storedTypes(plain)).toEqual([]);
  });

  it('grow by the new domain when the domain changes, keeping the old types and their entries', async () => {
    const owner = await tb.login(`owner@${dental}.test`, 'owner-password-1', dental);
    const patient = await api(tb, owner, 'POST', '/entries/patients', {
      payload: { data: { name: 'Grace Hopper' } },
    });
    expect(patient.statusCode, patient.body).toBe(201);
    const admin = await tb.adminToken();
    const changed = await api(tb, admin, 'PATCH', `/tenants/${dental}`, {
      payload: { business_domain: 'manufacturing' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await storedTypes(dental)).toEqual([...MANUFACTURING, ...DENTAL].sort());
    // Back to dental: nothing new to add, nothing removed, the patient still there.
    await api(tb, admin, 'PATCH', `/tenants/${dental}`, { payload: { business_domain: 'dental' } });
    expect(await storedTypes(dental)).toEqual([...MANUFACTURING, ...DENTAL].sort());
    const listed = await api(tb, owner, 'GET', '/entries/patients');
    expect(listed.json().data.map((e: { data: { name: string } }) => e.data.name)).toEqual(['Grace Hopper']);
    // The other tenant of the model saw none of it.
    expect(await storedTypes(plain)).toEqual([]);
  });

  it('still reach a tenant provisioned before the module, on its first entries request', async () => {
    const { tenancy } = tb.services;
    const tenant = (await tenancy.registry.load(plain as TenantId))!;
    // As an install from before the entries module left it: a dental tenant with no types and no marker.
    await api(tb, await tb.adminToken(), 'PATCH', `/tenants/${plain}`, {
      payload: { business_domain: 'dental' },
    });
    await tenancy.withTenant(tenant, async (scope) => {
      await scope.db.deleteFrom('entry_types').where('tenant_id', '=', scope.tenantId).execute();
      await scope.db.deleteFrom('entry_domain_seeds').where('tenant_id', '=', scope.tenantId).execute();
    });
    forgetEnsuredDomain(plain);
    expect(await storedTypes(plain)).toEqual([]);
    const owner = await tb.login(`owner@${plain}.test`, 'owner-password-1', plain);
    const listed = await api(tb, owner, 'GET', '/entry-types');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().data.map((t: { key: string }) => t.key)).toEqual(DENTAL);
  });
});
