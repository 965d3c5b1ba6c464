import { notFound } from '../../errors.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import { toOidcConfig } from './oidc-config-view.js';
import type { OidcConfig } from './oidc.schema.js';

/** The tenant's identity provider; NOT_FOUND until one is configured. */
export async function getOidcConfig(tenancy: Tenancy, id: TenantId): Promise<OidcConfig> {
  const row = await tenancy.platformDb
    .selectFrom('platform.oidc_providers')
    .selectAll()
    .where('tenant_id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('OIDC configuration');
  return toOidcConfig(row);
}
