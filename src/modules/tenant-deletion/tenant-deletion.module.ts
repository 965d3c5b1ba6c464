import type { TenantModule } from '../module.js';
import { tenantDeletionRoutes } from './tenant-deletion.routes.js';

/** Tenant deletion: every row, schema or database of a tenant erased by a job and proven by a count. */
export const tenantDeletionModule: TenantModule = {
  name: 'tenant-deletion',
  feature: null,
  tables: [],
  migrations: [],
  routes: tenantDeletionRoutes,
};
