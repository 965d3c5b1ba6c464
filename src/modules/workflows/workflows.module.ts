import type { TenantModule } from '../module.js';
import { workflowRoutes } from './workflows.routes.js';
import { workflowMigrations } from './workflows.tables.js';

declare module '../../identity/permissions.js' {
  interface PermissionNames {
    'workflows:read': true;
    'workflows:write': true;
  }
}

/** Seed 003's workflows: automation definitions with a JSON config. */
export const workflowsModule: TenantModule = {
  name: 'workflows',
  feature: 'workflows',
  tables: ['workflows'],
  migrations: workflowMigrations,
  features: [{ key: 'workflows', tiers: ['standard', 'premium', 'enterprise'] }],
  permissions: [
    { name: 'workflows:read', roles: ['admin', 'member', 'viewer'] },
    { name: 'workflows:write', roles: ['admin', 'member'] },
  ],
  quotas: [
    {
      key: 'workflows',
      kind: 'creates_per_hour',
      tiers: { standard: 50, premium: 150, enterprise: null },
    },
  ],
  routes: workflowRoutes,
};
