import type { Isolation } from './tenant-scope.js';

export type Tier = 'standard' | 'premium' | 'enterprise';
export type BusinessDomain = 'default' | 'dental' | 'manufacturing';

export const TIERS: readonly Tier[] = ['standard', 'premium', 'enterprise'];
export const ISOLATIONS: readonly Isolation[] = ['pool', 'schema', 'database'];
export const BUSINESS_DOMAINS: readonly BusinessDomain[] = ['default', 'dental', 'manufacturing'];

/** Effective limits; `null` means unlimited. */
export interface TenantLimits {
  max_users: number | null;
  storage_bytes: number | null;
  api_per_minute: number | null;
  creates_per_hour: Record<string, number | null>;
}

const GB = 1024 ** 3;

/** A tier sets limits and the default isolation; it never moves data by itself. */
export const tierDefaults: Record<Tier, { isolation: Isolation; limits: TenantLimits; features: string[] }> =
  {
    standard: {
      isolation: 'pool',
      limits: {
        max_users: 50,
        storage_bytes: 10 * GB,
        api_per_minute: 1000,
        creates_per_hour: { deployments: 100, workflows: 50 },
      },
      features: ['deployments', 'workflows', 'entries'],
    },
    premium: {
      isolation: 'schema',
      limits: {
        max_users: 200,
        storage_bytes: 50 * GB,
        api_per_minute: 3000,
        creates_per_hour: { deployments: 300, workflows: 150 },
      },
      features: ['deployments', 'workflows', 'entries', 'forecasting'],
    },
    enterprise: {
      isolation: 'database',
      limits: {
        max_users: null,
        storage_bytes: null,
        api_per_minute: 10000,
        creates_per_hour: { deployments: null, workflows: null },
      },
      features: ['deployments', 'workflows', 'entries', 'forecasting'],
    },
  };

/** Seed 001: what each business domain switches on by default. */
export const domainFeatures: Record<BusinessDomain, string[]> = {
  default: [],
  dental: ['patient_management', 'treatment_tracking', 'dental_supplies'],
  manufacturing: ['bom_management', 'production_tracking', 'material_management'],
};

/** Business-domain defaults ∪ tier features, then per-tenant overrides switch keys on or off. */
export function effectiveFeatures(
  tier: Tier,
  domain: BusinessDomain,
  overrides: Record<string, boolean>,
): string[] {
  const features = new Set([...domainFeatures[domain], ...tierDefaults[tier].features]);
  for (const [key, enabled] of Object.entries(overrides)) {
    if (enabled) features.add(key);
    else features.delete(key);
  }
  return [...features].sort();
}

/** Whether `key` is among effectiveFeatures(...), without building the list: it runs on every request. */
export function featureEnabled(
  tier: Tier,
  domain: BusinessDomain,
  overrides: Record<string, boolean>,
  key: string,
): boolean {
  const override = overrides[key];
  if (override !== undefined) return override;
  return domainFeatures[domain].includes(key) || tierDefaults[tier].features.includes(key);
}

/** Tier limits with per-tenant overrides applied key by key. */
export function effectiveLimits(tier: Tier, overrides: Partial<TenantLimits>): TenantLimits {
  const base = tierDefaults[tier].limits;
  return {
    max_users: overrides.max_users !== undefined ? overrides.max_users : base.max_users,
    storage_bytes: overrides.storage_bytes !== undefined ? overrides.storage_bytes : base.storage_bytes,
    api_per_minute: overrides.api_per_minute !== undefined ? overrides.api_per_minute : base.api_per_minute,
    creates_per_hour: { ...base.creates_per_hour, ...(overrides.creates_per_hour ?? {}) },
  };
}
