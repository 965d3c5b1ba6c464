import type { TenantModule } from '../module.js';
import { grantToBuiltInRoles } from '../roles/grant-to-built-in-roles.js';
import { entryRoutes } from './entries.routes.js';
import { entryMigrations } from './entries.tables.js';
import { EntryTypeCache } from './entry-type-cache.js';
import { entryTypeRoutes } from './entry-types.routes.js';
import { rebuildAllEntryIndexes } from './rebuild-entry-index.js';
import { seedDomainTypes } from './seed-domain-types.js';

declare module '../../identity/permissions.js' {
  interface PermissionNames {
    'entries:read': true;
    'entries:write': true;
    'entry_types:manage': true;
  }
}

const permissions = [
  { name: 'entries:read', roles: ['admin', 'member', 'viewer'] },
  { name: 'entries:write', roles: ['admin', 'member'] },
  { name: 'entry_types:manage', roles: ['admin'] },
] as const;

/**
 * Seed 004's generic entries: tenant-defined types with a JSON Schema and entries validated
 * against it. The business domains' feature keys (business-domains.module.ts) switch on the
 * preset types this module seeds (domain-presets.ts).
 */
export const entriesModule: TenantModule = {
  name: 'entries',
  feature: 'entries',
  tables: ['entry_types', 'entries', 'entry_fields', 'entry_words', 'entry_domain_seeds'],
  // Tenants provisioned before this module get its permissions on their built-in roles.
  migrations: [...entryMigrations, grantToBuiltInRoles('0100_grant_permissions', permissions)],
  features: [{ key: 'entries', tiers: ['standard', 'premium', 'enterprise'] }],
  permissions,
  quotas: [
    { key: 'entries', kind: 'creates_per_hour', tiers: { standard: 500, premium: 1500, enterprise: null } },
  ],
  // At provisioning and on a domain change; ensure-domain-types.ts is the safety net for tenants
  // provisioned before this module and for a seed that failed after a domain change committed.
  seedTenant: (scope, tenant) => seedDomainTypes(scope, tenant.business_domain),
  afterImport: rebuildAllEntryIndexes,
  routes: (app, services) => {
    // One per app instance: two apps in one process never share copies of a tenant's types.
    const types = new EntryTypeCache();
    entryTypeRoutes(app, services, types);
    entryRoutes(app, services, types);
  },
};
