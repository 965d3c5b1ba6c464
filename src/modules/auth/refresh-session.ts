import { AppError } from '../../errors.js';
import { resolveTenant, type TenantHints } from '../../tenancy/resolution/resolve-tenant.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import { findRefreshToken, revokeRefreshFamily, spendRefreshToken } from '../../identity/refresh-tokens.js';
import type { AuthDeps } from './auth-deps.js';
import type { Session } from './auth.schema.js';
import { currentPrincipal } from './current-principal.js';
import { startSession } from './start-session.js';

const refused = (internal: string) =>
  new AppError('UNAUTHENTICATED', 'The refresh token is invalid, expired or revoked; sign in again', {
    internal,
  });

/**
 * Rotates a refresh token: spends it and answers a new session in the same family. A token
 * presented twice means one copy was stolen, so its whole family is revoked, whichever holder
 * comes second. A request naming another tenant than the token's is refused before anything is
 * spent (the token, not the request, names the tenant).
 */
export async function refreshSession(
  deps: AuthDeps,
  token: string,
  named: Pick<TenantHints, 'header' | 'host' | 'query'>,
): Promise<Session> {
  const db = deps.tenancy.platformDb;
  const state = await findRefreshToken(db, token);
  if (!state) throw refused('unknown refresh token');
  // An administrator may name any tenant; a tenant user's token claims its own.
  if (state.kind === 'tenant_user') {
    resolveTenant({ ...named, claim: state.tenantId as TenantId, body: undefined });
  }
  if (state.familyRevoked) {
    await revokeRefreshFamily(db, state.familyId);
    throw refused('refresh family revoked');
  }
  if (state.used) {
    await revokeRefreshFamily(db, state.familyId);
    throw refused('refresh token reused: family revoked');
  }
  if (state.expired) throw refused('refresh token expired');
  const principal = await currentPrincipal(deps, state).catch(async (error: unknown) => {
    if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
      await revokeRefreshFamily(db, state.familyId);
    }
    throw error;
  });
  const grant = await spendRefreshToken(db, token);
  if (!grant) {
    // Another request spent it between our read and our write: the same reuse, just faster.
    await revokeRefreshFamily(db, state.familyId);
    throw refused('refresh token spent concurrently: family revoked');
  }
  return startSession(deps, principal, grant.familyId);
}
