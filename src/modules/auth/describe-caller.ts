import { AppError } from '../../errors.js';
import type { Principal } from '../../identity/access-tokens.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { getApiKey } from '../api-keys/get-api-key.js';
import { findUserById } from '../identity/find-user-by-id.js';
import type { CurrentPrincipal } from './auth.schema.js';
import { findAdminAccount } from './find-admin-account.js';

/**
 * Who the caller is, by the kind of its credential: a user's account, an administrator's (also
 * when acting in a tenant), or an API key's own description, since a key has no account.
 * `tenant` is the one the request resolved: a tenant principal's own.
 */
export async function describeCaller(
  tenancy: Pick<Tenancy, 'withTenant' | 'platformDb'>,
  principal: Principal,
  tenant: TenantRecord | null,
): Promise<CurrentPrincipal> {
  const inOwnTenant = <T>(work: (scope: TenantScope) => Promise<T>) => {
    if (!tenant) throw new AppError('TENANT_REQUIRED', 'This route needs a tenant');
    return tenancy.withTenant(tenant, work, 'read');
  };
  switch (principal.kind) {
    case 'tenant_user': {
      const user = await inOwnTenant((scope) => findUserById(scope, principal.id));
      return { kind: principal.kind, tenant_id: principal.tenantId, user };
    }
    case 'api_key': {
      const key = await inOwnTenant((scope) => getApiKey(scope, principal.id));
      return { kind: principal.kind, tenant_id: principal.tenantId, user: null, api_key: key };
    }
    case 'platform_admin': {
      const admin = await findAdminAccount(tenancy.platformDb, principal.id);
      return { kind: principal.kind, tenant_id: null, user: { ...admin, roles: principal.roles } };
    }
  }
}
