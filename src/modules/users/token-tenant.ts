import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import { invalidToken } from './account-token.js';

/**
 * The tenant a mailed token names, when it serves requests. A token naming no tenant, a
 * deleted one or a suspended one gets the same answer as a wrong token: nothing is revealed.
 */
export async function tenantOfToken(tenancy: Tenancy, owner: TenantId): Promise<TenantRecord> {
  const tenant = await tenancy.registry.find(owner);
  if (!tenant || tenant.status !== 'active') throw invalidToken();
  return tenant;
}
