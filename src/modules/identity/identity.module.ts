import type { TenantModule } from '../module.js';
import { identityMigrations } from './identity.tables.js';

/** Tenant users, roles and their assignments (seed 004: owned by the auth service). */
export const identityModule: TenantModule = {
  name: 'identity',
  feature: null,
  tables: ['users', 'roles', 'user_roles', 'user_mfa'],
  migrations: identityMigrations,
};
