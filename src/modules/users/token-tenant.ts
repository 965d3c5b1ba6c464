import type { Tenancy } from '../../tenancy/tenancy.js';
import { openTenant } from '../../tenancy/open-tenant.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { invalidToken } from './account-token.js';

/**
 * Runs `work` in the tenant a mailed token names, opened under the `account_token` policy. A
 * token naming no tenant, a deleted one or a suspended one gets the same answer as a wrong
 * token: nothing about the tenant is revealed.
 */
export async function inTokenTenant<T>(
  tenancy: Tenancy,
  owner: TenantId,
  work: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  const tenant = await openTenant(tenancy.registry, owner, 'account_token', { refuse: () => invalidToken() });
  return tenancy.withTenant(tenant, work);
}
