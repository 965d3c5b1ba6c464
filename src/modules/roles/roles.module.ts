import type { TenantModule } from '../module.js';
import { roleRoutes } from './roles.routes.js';

declare module '../../identity/permissions.js' {
  interface PermissionNames {
    'roles:manage': true;
  }
}

/** Custom roles over the identity module's `roles` table; owns no tables of its own. */
export const rolesModule: TenantModule = {
  name: 'roles',
  feature: null,
  tables: [],
  migrations: [],
  permissions: [{ name: 'roles:manage', roles: ['admin'] }],
  routes: roleRoutes,
};
