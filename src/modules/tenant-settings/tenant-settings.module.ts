import type { TenantModule } from '../module.js';
import { tenantSettingsRoutes } from './tenant-settings.routes.js';

/** Changing a tenant (tier, features, limits, host names, settings), its branding and config; no tenant tables. */
export const tenantSettingsModule: TenantModule = {
  name: 'tenant-settings',
  feature: null,
  tables: [],
  migrations: [],
  routes: tenantSettingsRoutes,
};
