import { describe, expect, it } from 'vitest';
import { claimAt, mappedRoles, tenantClaimMatches } from './external-claims.js';

const rules = {
  tenant_id: 'acme',
  tenant_claim: null,
  tenant_claim_value: null,
  roles_claim: null,
  role_mapping: { 'app-admins': 'admin', readers: 'viewer', toString: 'owner' },
  default_role: null,
};

describe('external claims', () => {
  it('reads a claim by exact name first, then by dotted path', () => {
    expect(claimAt({ 'https://x.test/roles': ['a'] }, 'https://x.test/roles')).toEqual(['a']);
    expect(claimAt({ realm_access: { roles: ['b'] } }, 'realm_access.roles')).toEqual(['b']);
    expect(claimAt({ a: 1 }, 'a.constructor')).toBeUndefined();
  });

  it('maps roles, else groups, else the default role, and nothing the mapping does not name', () => {
    expect(mappedRoles({ roles: ['readers', 'app-admins'] }, rules)).toEqual(['admin', 'viewer']);
    expect(mappedRoles({ groups: 'readers' }, rules)).toEqual(['viewer']);
    expect(mappedRoles({ roles: ['owner', 'hasOwnProperty'] }, rules)).toEqual([]);
    expect(mappedRoles({ roles: ['toString'] }, rules)).toEqual(['owner']);
    expect(mappedRoles({}, { ...rules, default_role: 'member' })).toEqual(['member']);
    expect(
      mappedRoles({ custom: ['readers'], roles: ['app-admins'] }, { ...rules, roles_claim: 'custom' }),
    ).toEqual(['viewer']);
  });

  it('checks the tenant claim against the configured value or the tenant id', () => {
    expect(tenantClaimMatches({}, rules)).toBe(true);
    const claimed = { ...rules, tenant_claim: 'org' };
    expect(tenantClaimMatches({ org: 'acme' }, claimed)).toBe(true);
    expect(tenantClaimMatches({ org: ['x', 'acme'] }, claimed)).toBe(true);
    expect(tenantClaimMatches({ org: 'other' }, claimed)).toBe(false);
    expect(tenantClaimMatches({}, claimed)).toBe(false);
    expect(tenantClaimMatches({ org: 'org-42' }, { ...claimed, tenant_claim_value: 'org-42' })).toBe(true);
  });
});
