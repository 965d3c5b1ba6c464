import type { TenantModule } from '../module.js';
import { roleRoutes } from './roles.routes.js';

/** Custom roles over the identity module's `roles` table; owns no tables of its own. */
export const rolesModule: TenantModule = {
  name: 'roles',
  feature: null,
  tables: [],
  migrations: [],
  routes: roleRoutes,
};
