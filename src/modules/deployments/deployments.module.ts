import type { TenantModule } from '../module.js';
import { deploymentRoutes } from './deployments.routes.js';
import { deploymentMigrations } from './deployments.tables.js';

/** Seed 003's deployments: the first module and the template for adopters' own. */
export const deploymentsModule: TenantModule = {
  name: 'deployments',
  feature: 'deployments',
  tables: ['deployments'],
  migrations: deploymentMigrations,
  routes: deploymentRoutes,
};
