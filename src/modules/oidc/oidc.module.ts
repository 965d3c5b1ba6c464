import type { TenantModule } from '../module.js';
import { oidcRoutes } from './oidc.routes.js';
import { oidcMigrations } from './oidc.tables.js';
import { oidcPlatformMigrations } from './oidc-providers.table.js';

declare module '../../identity/permissions.js' {
  interface PermissionNames {
    'oidc:manage': true;
  }
}

/**
 * Sign-in with a tenant's own OpenID Connect provider: its configuration (platform table
 * `oidc_providers`) and the link from (issuer, subject) to a tenant user (`external_identities`).
 */
export const oidcModule: TenantModule = {
  name: 'oidc',
  feature: null,
  tables: ['external_identities'],
  migrations: oidcMigrations,
  // The external identity provider stays with the owner, who holds every permission anyway.
  permissions: [{ name: 'oidc:manage', roles: [] }],
  platformTables: ['oidc_providers'],
  platformMigrations: oidcPlatformMigrations,
  routes: oidcRoutes,
};
