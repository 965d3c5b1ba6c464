import type { TenantModule } from '../module.js';
import { tenantMoveRoutes } from './tenant-move.routes.js';
import { tenantMovePlatformMigrations } from './tenant-moves.table.js';

/** Moves a tenant between isolation models and placement servers, keeping its id. */
export const tenantMoveModule: TenantModule = {
  name: 'tenant-move',
  feature: null,
  tables: [],
  migrations: [],
  platformTables: ['tenant_moves', 'tenant_write_freezes'],
  platformMigrations: tenantMovePlatformMigrations,
  routes: tenantMoveRoutes,
};
