import type { TenantModule } from '../module.js';
import { apiKeyRoutes } from './api-keys.routes.js';
import { apiKeyMigrations } from './api-keys.tables.js';

declare module '../../identity/permissions.js' {
  interface PermissionNames {
    'api_keys:manage': true;
  }
}

/** Tenant service accounts: keys with scoped permissions, shown once, stored hashed. */
export const apiKeysModule: TenantModule = {
  name: 'api_keys',
  feature: null,
  tables: ['api_keys'],
  migrations: apiKeyMigrations,
  permissions: [{ name: 'api_keys:manage', roles: ['admin'] }],
  routes: apiKeyRoutes,
};
