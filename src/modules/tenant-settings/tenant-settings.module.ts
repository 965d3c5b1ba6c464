import type { TenantModule } from '../module.js';
import { tenantSettingsRoutes } from './tenant-settings.routes.js';

declare module '../../identity/permissions.js' {
  interface PermissionNames {
    'tenant:read': true;
    'branding:manage': true;
  }
}

/** Changing a tenant (tier, features, limits, host names, settings), its branding and config; no tenant tables. */
export const tenantSettingsModule: TenantModule = {
  name: 'tenant-settings',
  feature: null,
  tables: [],
  migrations: [],
  permissions: [
    { name: 'tenant:read', roles: ['admin', 'member', 'viewer'] },
    { name: 'branding:manage', roles: ['admin'] },
  ],
  routes: tenantSettingsRoutes,
};
