import { TENANT_DATABASE_SCHEMA } from '../../tenancy/isolation/database/database-isolation.js';
import type { TenantLocation } from '../../tenancy/isolation/isolation-model.js';
import type { Tenancy } from '../../tenancy/tenancy.js';

/**
 * The schema holding the tenant's tables. Archive SQL is generated from the catalog (any table,
 * any columns), which Kysely's withSchema does not qualify inside raw SQL, so it names the schema.
 */
export function storageSchema(tenancy: Tenancy, tenant: TenantLocation): string {
  const { names } = tenancy.endpoints;
  if (tenant.isolation === 'pool') return names.poolSchema;
  if (tenant.isolation === 'schema') return names.schemaFor(tenant.id);
  return TENANT_DATABASE_SCHEMA;
}
