import { AppError } from '../../errors.js';
import type { Principal } from '../../identity/access-tokens.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { toBranding } from './branding-view.js';
import type { Branding } from './tenant-settings.schema.js';

/**
 * Branding for the sign-in page, so anyone may read it. A signed-in tenant user naming another
 * tenant is still refused (TENANT_MISMATCH); a deleted tenant is as unknown as one never created.
 */
export async function getBranding(
  tenancy: Tenancy,
  principal: Principal | null,
  rawId: unknown,
): Promise<Branding> {
  const id = parseTenantId(rawId, 'id');
  if (principal?.kind === 'tenant_user' && principal.tenantId !== id) {
    throw new AppError(
      'TENANT_MISMATCH',
      'The request names a different tenant than the one you are signed in to',
    );
  }
  const tenant = await tenancy.registry.find(id);
  if (!tenant || tenant.status === 'deleted') throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  return toBranding(tenant);
}
