import type { Tier } from './tier.js';

/** A feature key a module gates something with, and the tiers that have it unless overridden. */
export interface FeatureDeclaration {
  key: string;
  tiers: readonly Tier[];
}

/** A business domain (seed 001) and the feature keys it switches on by default. */
export interface BusinessDomainDeclaration {
  key: string;
  features: readonly string[];
}

/**
 * A per-tier limit; `null` is unlimited. `creates_per_hour` quotas are counted by the routes that
 * name `key` in their `quota` config; `limit` quotas (e.g. items per forecasting run) are read by
 * the module's own use cases through `effectiveQuota`.
 */
export interface QuotaDeclaration {
  key: string;
  kind: 'creates_per_hour' | 'limit';
  tiers: Readonly<Record<Tier, number | null>>;
}

/** A permission string and the built-in roles seeded with it (the owner always holds every one). */
export interface PermissionDeclaration {
  name: string;
  roles: readonly string[];
}

/** What one module declares about the product; every field is optional data. */
export interface ProductDeclarations {
  features?: readonly FeatureDeclaration[];
  businessDomains?: readonly BusinessDomainDeclaration[];
  quotas?: readonly QuotaDeclaration[];
  permissions?: readonly PermissionDeclaration[];
}

/** The registered modules' declarations folded into what the core looks up on every request. */
export interface ProductCatalogue {
  tierFeatures: Readonly<Record<Tier, ReadonlySet<string>>>;
  domainFeatures: ReadonlyMap<string, readonly string[]>;
  /** Every declared feature key, whether a tier, a domain or only an override turns it on. */
  features: ReadonlySet<string>;
  createsPerHour: Readonly<Record<Tier, Readonly<Record<string, number | null>>>>;
  limits: Readonly<Record<Tier, Readonly<Record<string, number | null>>>>;
  /** Permission strings in declaration order. */
  permissions: readonly string[];
  /** Built-in role → the permissions it is seeded with. */
  rolePermissions: ReadonlyMap<string, readonly string[]>;
}

const TIER_KEYS: readonly Tier[] = ['standard', 'premium', 'enterprise'];

/** The domain every tenant may have, whatever the modules declare. */
export const DEFAULT_BUSINESS_DOMAIN = 'default';

/**
 * Folds module declarations into one catalogue. A key declared twice is a mistake two modules
 * would fight over, so it stops the start instead of letting the later one win silently.
 */
export function buildProductCatalogue(
  declarations: readonly ProductDeclarations[],
  builtInRoles: readonly string[],
): ProductCatalogue {
  const perTier = <T>(make: () => T) =>
    Object.fromEntries(TIER_KEYS.map((tier) => [tier, make()])) as Record<Tier, T>;
  const tierFeatures = perTier(() => new Set<string>());
  const createsPerHour = perTier((): Record<string, number | null> => ({}));
  const limits = perTier((): Record<string, number | null> => ({}));
  const domainFeatures = new Map<string, readonly string[]>([[DEFAULT_BUSINESS_DOMAIN, []]]);
  const features = new Set<string>();
  const permissions: string[] = [];
  const rolePermissions = new Map<string, string[]>(builtInRoles.map((role) => [role, []]));
  const once = (seen: Set<string>, what: string, key: string) => {
    if (seen.has(key)) throw new Error(`${what} ${key} is declared by two modules`);
    seen.add(key);
  };
  const quotaKeys = new Set<string>();
  for (const declared of declarations) {
    for (const feature of declared.features ?? []) {
      once(features, 'feature', feature.key);
      for (const tier of feature.tiers) tierFeatures[tier].add(feature.key);
    }
    for (const domain of declared.businessDomains ?? []) {
      if (domainFeatures.has(domain.key)) throw new Error(`business domain ${domain.key} is declared twice`);
      domainFeatures.set(domain.key, domain.features);
    }
    for (const quota of declared.quotas ?? []) {
      once(quotaKeys, 'quota', `${quota.kind}:${quota.key}`);
      const target = quota.kind === 'creates_per_hour' ? createsPerHour : limits;
      for (const tier of TIER_KEYS) target[tier][quota.key] = quota.tiers[tier];
    }
    for (const permission of declared.permissions ?? []) {
      if (permissions.includes(permission.name))
        throw new Error(`permission ${permission.name} is declared by two modules`);
      permissions.push(permission.name);
      for (const role of permission.roles) {
        const granted = rolePermissions.get(role);
        if (!granted) throw new Error(`permission ${permission.name} names ${role}, not a built-in role`);
        granted.push(permission.name);
      }
    }
  }
  for (const [domain, keys] of domainFeatures) {
    const unknown = keys.filter((key) => !features.has(key));
    if (unknown.length > 0) throw new Error(`business domain ${domain} names undeclared features ${unknown}`);
  }
  return { tierFeatures, domainFeatures, features, createsPerHour, limits, permissions, rolePermissions };
}

let installed: ProductCatalogue | undefined;

/**
 * Makes `catalogue` the one the core reads. The composition root calls it before anything serves;
 * it is process-wide because tier limits and features are read on every request, far from any
 * handle that could carry it, and the registered modules are one list per process.
 */
export function installProductCatalogue(catalogue: ProductCatalogue): void {
  installed = catalogue;
}

/** The installed catalogue; reading it before the composition root installed one is a bug. */
export function productCatalogue(): ProductCatalogue {
  if (!installed) throw new Error('no product catalogue installed: register the modules first');
  return installed;
}
