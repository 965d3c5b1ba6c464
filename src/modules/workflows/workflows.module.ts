import type { TenantModule } from '../module.js';
import { workflowRoutes } from './workflows.routes.js';
import { workflowMigrations } from './workflows.tables.js';

/** Seed 003's workflows: automation definitions with a JSON config. */
export const workflowsModule: TenantModule = {
  name: 'workflows',
  feature: 'workflows',
  tables: ['workflows'],
  migrations: workflowMigrations,
  routes: workflowRoutes,
};
