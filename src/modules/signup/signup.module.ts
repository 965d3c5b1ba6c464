import type { TenantModule } from '../module.js';
import { signupRoutes } from './signup.routes.js';
import { signupPlatformMigrations } from './signups.table.js';

/** Self-service signup (seeds 002, 004): pending signups in the platform database until verified. */
export const signupModule: TenantModule = {
  name: 'signup',
  feature: null,
  tables: [],
  migrations: [],
  platformTables: ['signups'],
  platformMigrations: signupPlatformMigrations,
  routes: signupRoutes,
};
