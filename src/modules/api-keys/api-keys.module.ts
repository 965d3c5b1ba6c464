import type { TenantModule } from '../module.js';
import { apiKeyRoutes } from './api-keys.routes.js';
import { apiKeyMigrations } from './api-keys.tables.js';

/** Tenant service accounts: keys with scoped permissions, shown once, stored hashed. */
export const apiKeysModule: TenantModule = {
  name: 'api_keys',
  feature: null,
  tables: ['api_keys'],
  migrations: apiKeyMigrations,
  routes: apiKeyRoutes,
};
