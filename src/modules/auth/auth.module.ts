import type { TenantModule } from '../module.js';
import { authRoutes } from './auth.routes.js';

/** Sign-in for tenant users and platform administrators. */
export const authModule: TenantModule = {
  name: 'auth',
  feature: null,
  tables: [],
  migrations: [],
  routes: authRoutes,
};
