import { AppError } from '../../errors.js';
import type { Principal } from '../../identity/access-tokens.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';

/**
 * A tenant the caller may see: any for a platform administrator, only its own for a tenant
 * user (naming another is TENANT_MISMATCH, whether or not it exists).
 */
export async function getTenant(
  tenancy: Tenancy,
  principal: Principal,
  rawId: string,
): Promise<TenantRecord> {
  const id = parseTenantId(rawId, 'id');
  if (principal.kind !== 'platform_admin' && principal.tenantId !== id) {
    throw new AppError(
      'TENANT_MISMATCH',
      'The request names a different tenant than the one you are signed in to',
    );
  }
  const tenant = await tenancy.registry.load(id);
  if (!tenant || tenant.status === 'deleted') throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  return tenant;
}
