import { quoteIdent } from '../db/sql-identifier.js';
import type { TenantId } from './tenant-id.js';

/** Where rows of each isolation model live: derived from a validated TenantId, never from raw input. */
export interface StorageNames {
  /** Schema of the shared (pool) tables in the platform database. */
  readonly poolSchema: string;
  schemaFor(tenantId: TenantId): string;
  databaseFor(tenantId: TenantId): string;
  /** The tenant's own PostgreSQL role (`schema` and `database` tenants): a fence beside the names. */
  roleFor(tenantId: TenantId): string;
  /** The non-owner role the application connects as. */
  readonly appRole: string;
}

/** Names for one installation; `namespace` keeps concurrent test runs on one server apart. */
export function storageNames(namespace: string, appRole?: string): StorageNames {
  const prefix = namespace ? `${namespace}_` : '';
  const underscored = (id: TenantId) => id.replace(/-/g, '_');
  return {
    poolSchema: 'pool',
    schemaFor: (id) => `t_${underscored(id)}`,
    databaseFor: (id) => `${prefix}tenant_${underscored(id)}`,
    roleFor: (id) => `${prefix || 'tenantbase_'}t_${underscored(id)}`,
    appRole: appRole ?? `${prefix || 'tenantbase_'}app`,
  };
}

export { quoteIdent };
