import type { TenantModule } from '../module.js';
import { platformAdminRoutes } from './platform-admins.routes.js';
import { platformAdminPlatformMigrations } from './platform-admins.table.js';
import { billingRoutes } from './billing.routes.js';

/**
 * Platform staff and their roles (SPEC §8: platform_admin, platform_support, platform_billing),
 * and the billing customer mapping that platform_billing keeps.
 */
export const platformAdminsModule: TenantModule = {
  name: 'platform-admins',
  feature: null,
  tables: [],
  migrations: [],
  platformMigrations: platformAdminPlatformMigrations,
  routes: (app, services) => {
    platformAdminRoutes(app, services);
    billingRoutes(app, services);
  },
};
