import { openTenant, refusalError } from '../../tenancy/open-tenant.js';
import { AppError } from '../../errors.js';
import type { Principal } from '../../identity/access-tokens.js';
import type { RefreshGrant } from '../../identity/refresh-tokens.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import { findUserById } from '../identity/find-user-by-id.js';
import type { AuthDeps } from './auth-deps.js';
import { AdminMfaStore } from './mfa/admin-mfa-store.js';

/** A refresh that must not go on: the account or tenant is gone or disabled. */
export const sessionEnded = (internal: string) =>
  new AppError('UNAUTHENTICATED', 'The session has ended; sign in again', { internal });

/**
 * An administrator's principal, carrying their platform role; without MFA under
 * REQUIRE_ADMIN_MFA it only opens enrolment.
 */
export function adminPrincipal(
  admin: { id: string; email: string; role: string },
  mfaSetupOnly: boolean,
): Principal {
  return {
    kind: 'platform_admin',
    id: admin.id,
    tenantId: null,
    roles: [admin.role],
    email: admin.email,
    ...(mfaSetupOnly ? { mfaSetupOnly: true } : {}),
  };
}

/**
 * Who a refresh token's owner (or a user who just proved their password) is now: roles and status
 * re-read from tenant storage, the tenant's status from the registry, and the account's token
 * generation read first, so a revocation that commits after these reads outdates the token.
 */
export async function currentPrincipal(
  deps: AuthDeps,
  grant: Pick<RefreshGrant, 'kind' | 'subject' | 'tenantId'>,
): Promise<Principal> {
  const generation = await deps.revocations.generationOf({
    subject: grant.subject,
    tenantId: grant.kind === 'platform_admin' ? null : grant.tenantId,
  });
  return { ...(await principalNow(deps, grant)), generation };
}

async function principalNow(
  deps: AuthDeps,
  grant: Pick<RefreshGrant, 'kind' | 'subject' | 'tenantId'>,
): Promise<Principal> {
  if (grant.kind === 'platform_admin') {
    const admin = await deps.tenancy.platformDb
      .selectFrom('platform.platform_admins')
      .select(['id', 'email', 'role'])
      .where('id', '=', grant.subject)
      .executeTakeFirst();
    if (!admin) throw sessionEnded('administrator removed');
    const mfa = await new AdminMfaStore(
      deps.tenancy.platformDb,
      admin.id,
      deps.tenancy.endpoints.secrets,
    ).get();
    return adminPrincipal(admin, deps.config.requireAdminMfa && mfa?.status !== 'active');
  }
  if (!grant.tenantId || !isTenantId(grant.tenantId)) throw sessionEnded('no tenant');
  const tenant = await openTenant(deps.tenancy.registry, grant.tenantId, 'request', {
    fresh: true,
    refuse: (refusal) =>
      refusal === 'TENANT_NOT_FOUND' ? sessionEnded('tenant gone') : refusalError(refusal),
  });
  const user = await deps.tenancy
    .withTenant(tenant, (scope) => findUserById(scope, grant.subject))
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    });
  if (user?.status !== 'active') throw sessionEnded('user disabled or removed');
  return { kind: 'tenant_user', id: user.id, tenantId: tenant.id, roles: user.roles, email: user.email };
}
