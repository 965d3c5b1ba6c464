import { productCatalogue } from '../../tenancy/product-catalogue.js';
import type { ModuleFacts } from '../../app/app-services.js';

/** The keys an override may name and the resources a creation quota may be set for. */
export interface SettingsCatalogue {
  features: ReadonlySet<string>;
  quotaResources: ReadonlySet<string>;
}

/**
 * Every feature key the registered modules declare (module gates, business domains' keys, tiers'
 * features). An override of any other key would silently do nothing, so it is refused; quota
 * resources are the declared creation quotas and every feature-gated module's, by name.
 */
export function settingsCatalogue(modules: readonly ModuleFacts[]): SettingsCatalogue {
  const catalogue = productCatalogue();
  const gated = modules.filter((m) => m.feature !== null);
  return {
    features: new Set([...gated.map((m) => m.feature!), ...catalogue.features]),
    quotaResources: new Set([
      ...gated.map((m) => m.name),
      ...Object.values(catalogue.createsPerHour).flatMap((quotas) => Object.keys(quotas)),
    ]),
  };
}
