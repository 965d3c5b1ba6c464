import type { TenantModule } from '../module.js';
import { tenantArchiveRoutes } from './tenant-archive.routes.js';
import { tenantExportPlatformMigrations } from './tenant-exports.table.js';

/** Portable tenant archives: export any tenant, import into a new or empty one in any isolation model. */
export const tenantArchiveModule: TenantModule = {
  name: 'tenant-archive',
  feature: null,
  tables: [],
  migrations: [],
  platformTables: ['tenant_exports'],
  platformMigrations: tenantExportPlatformMigrations,
  routes: tenantArchiveRoutes,
};
