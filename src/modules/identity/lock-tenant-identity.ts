import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';

/**
 * Serialises the changes to one tenant's users and roles until the scope's transaction ends.
 * Counting seats, finding the last owner or a role's last holder and then writing is only
 * sound when no other writer runs in between; an advisory lock keyed on the tenant works the
 * same in a shared pool table, a tenant schema and a tenant database.
 */
export async function lockTenantIdentity(scope: TenantScope): Promise<void> {
  // The two-key form keeps these locks apart from the single-key ones (migrations) on one server.
  await sql`select pg_advisory_xact_lock(hashtext('tenantbase:identity'), hashtext(${scope.tenantId}))`.execute(
    scope.db,
  );
}
