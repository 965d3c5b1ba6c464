import type { TenantModule } from '../module.js';

/**
 * Seed 001's business domains as declared data: each domain and the feature keys it switches on
 * by default. The entry types that fill these features in arrive with the entries module; adding a
 * domain is a line here, with no platform migration.
 */
export const businessDomainsModule: TenantModule = {
  name: 'business-domains',
  feature: null,
  tables: [],
  migrations: [],
  features: [
    { key: 'patient_management', tiers: [] },
    { key: 'treatment_tracking', tiers: [] },
    { key: 'dental_supplies', tiers: [] },
    { key: 'bom_management', tiers: [] },
    { key: 'production_tracking', tiers: [] },
    { key: 'material_management', tiers: [] },
  ],
  businessDomains: [
    { key: 'dental', features: ['patient_management', 'treatment_tracking', 'dental_supplies'] },
    { key: 'manufacturing', features: ['bom_management', 'production_tracking', 'material_management'] },
  ],
};
