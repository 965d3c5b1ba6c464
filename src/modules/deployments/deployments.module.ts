import type { TenantModule } from '../module.js';
import { deploymentRoutes } from './deployments.routes.js';
import { deploymentMigrations } from './deployments.tables.js';

declare module '../../identity/permissions.js' {
  interface PermissionNames {
    'deployments:read': true;
    'deployments:write': true;
  }
}

/** Seed 003's deployments: the first module and the template for adopters' own. */
export const deploymentsModule: TenantModule = {
  name: 'deployments',
  feature: 'deployments',
  tables: ['deployments'],
  migrations: deploymentMigrations,
  features: [{ key: 'deployments', tiers: ['standard', 'premium', 'enterprise'] }],
  permissions: [
    { name: 'deployments:read', roles: ['admin', 'member', 'viewer'] },
    { name: 'deployments:write', roles: ['admin', 'member'] },
  ],
  quotas: [
    {
      key: 'deployments',
      kind: 'creates_per_hour',
      tiers: { standard: 100, premium: 300, enterprise: null },
    },
  ],
  routes: deploymentRoutes,
};
