import type { TenantScope } from '../../tenancy/tenant-scope.js';

/**
 * Whether a user of the scope's tenant already has this address (emails are unique per tenant
 * only). The caller normalises the address; under `lockTenantIdentity` the answer holds until
 * its transaction ends.
 */
export async function isEmailTaken(scope: TenantScope, email: string): Promise<boolean> {
  const row = await scope.db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('email', '=', email)
    .executeTakeFirst();
  return row !== undefined;
}
