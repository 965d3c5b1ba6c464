import { productCatalogue } from './product-catalogue.js';
import { type Tier, TIERS } from './tier.js';
import type { Isolation } from './tenant-scope.js';

export { type Tier, TIERS };

/** A business domain key; the registered modules declare which exist (see `businessDomains`). */
export type BusinessDomain = string;

export const ISOLATIONS: readonly Isolation[] = ['pool', 'schema', 'database'];

/** Effective limits; `null` means unlimited. */
export interface TenantLimits {
  max_users: number | null;
  storage_bytes: number | null;
  api_per_minute: number | null;
  creates_per_hour: Record<string, number | null>;
}

const GB = 1024 ** 3;

/**
 * What a tier sets by itself: the default isolation and the platform's own limits. Features and
 * module quotas per tier are declared by the modules (`productCatalogue()`); a tier never moves data.
 */
export const tierDefaults: Record<
  Tier,
  { isolation: Isolation; limits: Omit<TenantLimits, 'creates_per_hour'> }
> = {
  standard: { isolation: 'pool', limits: { max_users: 50, storage_bytes: 10 * GB, api_per_minute: 1000 } },
  premium: { isolation: 'schema', limits: { max_users: 200, storage_bytes: 50 * GB, api_per_minute: 3000 } },
  enterprise: {
    isolation: 'database',
    limits: { max_users: null, storage_bytes: null, api_per_minute: 10000 },
  },
};

/** JSON Schema format of a business domain field: the declared list is only known at start. */
export const BUSINESS_DOMAIN_FORMAT = 'business-domain';

/** The business domains the registered modules declare, `default` first. */
export function businessDomains(): string[] {
  return [...productCatalogue().domainFeatures.keys()];
}

/** Whether `key` names a declared business domain; the database no longer checks it. */
export function isBusinessDomain(key: string): boolean {
  return productCatalogue().domainFeatures.has(key);
}

function domainDefaults(domain: BusinessDomain): readonly string[] {
  return productCatalogue().domainFeatures.get(domain) ?? [];
}

/** Business-domain defaults ∪ tier features, then per-tenant overrides switch keys on or off. */
export function effectiveFeatures(
  tier: Tier,
  domain: BusinessDomain,
  overrides: Record<string, boolean>,
): string[] {
  const features = new Set([...domainDefaults(domain), ...productCatalogue().tierFeatures[tier]]);
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
  return productCatalogue().tierFeatures[tier].has(key) || domainDefaults(domain).includes(key);
}

/** Tier limits with per-tenant overrides applied key by key. */
export function effectiveLimits(tier: Tier, overrides: Partial<TenantLimits>): TenantLimits {
  const base = tierDefaults[tier].limits;
  return {
    max_users: overrides.max_users !== undefined ? overrides.max_users : base.max_users,
    storage_bytes: overrides.storage_bytes !== undefined ? overrides.storage_bytes : base.storage_bytes,
    api_per_minute: overrides.api_per_minute !== undefined ? overrides.api_per_minute : base.api_per_minute,
    creates_per_hour: { ...productCatalogue().createsPerHour[tier], ...(overrides.creates_per_hour ?? {}) },
  };
}

/** A module's declared `limit` quota for the tier (e.g. items per forecasting run); `null` is unlimited. */
export function effectiveQuota(tier: Tier, key: string): number | null {
  const limits = productCatalogue().limits[tier];
  if (!(key in limits)) throw new Error(`quota ${key} is not declared by any module`);
  return limits[key]!;
}
