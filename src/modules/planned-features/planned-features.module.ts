import type { TenantModule } from '../module.js';

/**
 * Feature keys tenants already hold for modules that have not shipped yet (entries):
 * tenants' feature lists and overrides name them today. Each line moves into its module's own
 * declaration when that module is written, with its permissions and quotas.
 */
export const plannedFeaturesModule: TenantModule = {
  name: 'planned-features',
  feature: null,
  tables: [],
  migrations: [],
  features: [{ key: 'entries', tiers: ['standard', 'premium', 'enterprise'] }],
};
