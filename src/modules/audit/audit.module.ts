import type { TenantModule } from '../module.js';
import { auditRoutes } from './audit.routes.js';
import { auditMigrations } from './audit.tables.js';

declare module '../../identity/permissions.js' {
  interface PermissionNames {
    'audit:read': true;
  }
}

/** The tenant's own audit trail, hash-chained per tenant, readable by its administrators. */
export const auditModule: TenantModule = {
  name: 'audit',
  feature: null,
  tables: ['audit_log'],
  migrations: auditMigrations,
  permissions: [{ name: 'audit:read', roles: ['admin'] }],
  routes: auditRoutes,
};
