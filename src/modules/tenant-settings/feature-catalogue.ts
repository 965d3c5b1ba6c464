import { domainFeatures, tierDefaults } from '../../tenancy/tiers.js';
import type { ModuleFacts } from '../../app/app-services.js';

/** The keys an override may name and the resources a creation quota may be set for. */
export interface SettingsCatalogue {
  features: ReadonlySet<string>;
  quotaResources: ReadonlySet<string>;
}

/**
 * Every feature key that gates something: each module's own, each business domain's (seed 001)
 * and each tier's. An override of any other key would silently do nothing, so it is refused;
 * quota resources are the tiers' and every feature-gated module's, by name.
 */
export function settingsCatalogue(modules: readonly ModuleFacts[]): SettingsCatalogue {
  const gated = modules.filter((m) => m.feature !== null);
  const tiers = Object.values(tierDefaults);
  return {
    features: new Set([
      ...gated.map((m) => m.feature!),
      ...Object.values(domainFeatures).flat(),
      ...tiers.flatMap((t) => t.features),
    ]),
    quotaResources: new Set([
      ...gated.map((m) => m.name),
      ...tiers.flatMap((t) => Object.keys(t.limits.creates_per_hour)),
    ]),
  };
}
