import type { TenantModule } from '../module.js';
import { demoRequestRoutes } from './demo-requests.routes.js';
import { demoRequestPlatformMigrations } from './demo-requests.table.js';

/** Seed 002's demo requests, kept in the platform database until they become tenants. */
export const demoRequestsModule: TenantModule = {
  name: 'demo-requests',
  feature: null,
  tables: [],
  migrations: [],
  platformTables: ['demo_requests'],
  platformMigrations: demoRequestPlatformMigrations,
  routes: demoRequestRoutes,
};
