import type { TenantModule } from '../module.js';
import { tenantRoutes } from './tenants.routes.js';

/** The control plane's tenant API; it owns no tenant tables. */
export const tenantsModule: TenantModule = {
  name: 'tenants',
  feature: null,
  tables: [],
  migrations: [],
  routes: tenantRoutes,
};
