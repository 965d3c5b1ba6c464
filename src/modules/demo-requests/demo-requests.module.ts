import type { TenantModule } from '../module.js';
import { demoRequestRoutes } from './demo-requests.routes.js';

/** Seed 002's demo requests, kept in the platform database until they become tenants. */
export const demoRequestsModule: TenantModule = {
  name: 'demo-requests',
  feature: null,
  tables: [],
  migrations: [],
  routes: demoRequestRoutes,
};
