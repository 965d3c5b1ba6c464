import { BUILT_IN_ROLES } from '../identity/permissions.js';
import { buildProductCatalogue, installProductCatalogue } from '../tenancy/product-catalogue.js';
import type { TenantModule } from './module.js';

/** Reads the modules' declarations into the catalogue the core consults (features, quotas, permissions). */
export function installModuleCatalogue(modules: readonly TenantModule[]): void {
  const catalogue = buildProductCatalogue(modules, BUILT_IN_ROLES);
  for (const module of modules) {
    if (module.feature !== null && !catalogue.features.has(module.feature))
      throw new Error(
        `module ${module.name} is gated by feature ${module.feature}, which no module declares`,
      );
  }
  installProductCatalogue(catalogue);
}
