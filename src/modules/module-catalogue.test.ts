import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, permissionCatalogue, permissionsOf } from '../identity/permissions.js';
import { buildProductCatalogue, installProductCatalogue } from '../tenancy/product-catalogue.js';
import {
  businessDomains,
  effectiveFeatures,
  effectiveLimits,
  effectiveQuota,
  TIERS,
} from '../tenancy/tiers.js';
import { installModuleCatalogue } from './module-catalogue.js';
import type { TenantModule } from './module.js';
import { registeredModules } from './registered-modules.js';

const GB = 1024 ** 3;
const bare = (name: string, extra: Partial<TenantModule>): TenantModule => ({
  name,
  feature: null,
  tables: [],
  migrations: [],
  ...extra,
});

describe('the catalogue the registered modules declare', () => {
  beforeAll(() => installModuleCatalogue(registeredModules));

  // The values the core hard-coded before the modules declared them: nothing may change for tenants.
  it('seeds the built-in roles as the core list did, plus the entries and forecasting permissions', () => {
    const all = [
      'tenant:read',
      'deployments:read',
      'deployments:write',
      'workflows:read',
      'workflows:write',
      'users:read',
      'users:manage',
      'roles:manage',
      'api_keys:manage',
      'audit:read',
      'branding:manage',
      'oidc:manage',
      'forecasting:read',
      'forecasting:write',
      'entries:read',
      'entries:write',
      'entry_types:manage',
    ];
    const sorted = (list: readonly string[]) => [...list].sort();
    expect(sorted(permissionCatalogue())).toEqual(sorted(all));
    expect(BUILT_IN_ROLES).toEqual(['owner', 'admin', 'member', 'viewer']);
    expect(sorted(permissionsOf('owner'))).toEqual(sorted(all));
    expect(sorted(permissionsOf('admin'))).toEqual(sorted(all.filter((p) => p !== 'oidc:manage')));
    expect(sorted(permissionsOf('member'))).toEqual(
      sorted([
        'tenant:read',
        'deployments:read',
        'deployments:write',
        'workflows:read',
        'workflows:write',
        'forecasting:read',
        'forecasting:write',
        'entries:read',
        'entries:write',
      ]),
    );
    expect(sorted(permissionsOf('viewer'))).toEqual(
      sorted(['tenant:read', 'deployments:read', 'workflows:read', 'forecasting:read', 'entries:read']),
    );
  });

  it('gives each tier the features and limits the core list did (forecasting on every tier, SPEC §8)', () => {
    for (const tier of ['standard', 'premium', 'enterprise'] as const)
      expect(effectiveFeatures(tier, 'default', {})).toEqual([
        'deployments',
        'entries',
        'forecasting',
        'workflows',
      ]);
    expect(effectiveLimits('standard', {})).toEqual({
      max_users: 50,
      storage_bytes: 10 * GB,
      api_per_minute: 1000,
      creates_per_hour: { deployments: 100, workflows: 50, entries: 500 },
    });
    expect(effectiveLimits('premium', {})).toEqual({
      max_users: 200,
      storage_bytes: 50 * GB,
      api_per_minute: 3000,
      creates_per_hour: { deployments: 300, workflows: 150, entries: 1500 },
    });
    expect(effectiveLimits('enterprise', {})).toEqual({
      max_users: null,
      storage_bytes: null,
      api_per_minute: 10000,
      creates_per_hour: { deployments: null, workflows: null, entries: null },
    });
  });

  it('knows the business domains and their feature keys as declared data', () => {
    expect(businessDomains()).toEqual(['default', 'dental', 'manufacturing']);
    expect(effectiveFeatures('standard', 'dental', {})).toEqual(
      expect.arrayContaining(['patient_management', 'treatment_tracking', 'dental_supplies']),
    );
    expect(effectiveFeatures('standard', 'manufacturing', {})).toEqual(
      expect.arrayContaining(['bom_management', 'production_tracking', 'material_management']),
    );
  });
});

describe('buildProductCatalogue', () => {
  it('lets a module declare a per-tier limit such as forecasting items per run', () => {
    installModuleCatalogue([
      bare('forecasting', {
        feature: 'forecasting',
        features: [{ key: 'forecasting', tiers: TIERS }],
        quotas: [
          {
            key: 'forecasting_items_per_run',
            kind: 'limit',
            tiers: { standard: 1000, premium: 10000, enterprise: null },
          },
        ],
      }),
    ]);
    expect(TIERS.map((tier) => effectiveQuota(tier, 'forecasting_items_per_run'))).toEqual([
      1000,
      10000,
      null,
    ]);
    expect(() => effectiveQuota('standard', 'unheard_of')).toThrow(/not declared/);
  });

  it('refuses a key two modules declare, a role that is not built in, and an undeclared gate', () => {
    const twice = [
      bare('a', { features: [{ key: 'x', tiers: [] }] }),
      bare('b', { features: [{ key: 'x', tiers: [] }] }),
    ];
    expect(() => buildProductCatalogue(twice, BUILT_IN_ROLES)).toThrow(
      /feature x is declared by two modules/,
    );
    expect(() =>
      buildProductCatalogue([{ permissions: [{ name: 'x:read', roles: ['janitor'] }] }], BUILT_IN_ROLES),
    ).toThrow(/janitor, not a built-in role/);
    expect(() =>
      buildProductCatalogue([{ businessDomains: [{ key: 'd', features: ['nope'] }] }], BUILT_IN_ROLES),
    ).toThrow(/undeclared features/);
    expect(() => installModuleCatalogue([bare('gated', { feature: 'ghost' })])).toThrow(/no module declares/);
    installProductCatalogue(buildProductCatalogue([], BUILT_IN_ROLES));
  });
});
