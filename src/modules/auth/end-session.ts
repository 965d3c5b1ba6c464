import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { findRefreshToken, revokeRefreshFamily } from '../../identity/refresh-tokens.js';
import { resolveTenant, type TenantHints } from '../../tenancy/resolution/resolve-tenant.js';
import type { TenantId } from '../../tenancy/tenant-id.js';

/**
 * Logout: revokes the refresh token's whole family. Idempotent, and silent about unknown tokens;
 * a request naming another tenant than a tenant user's token is refused, as refresh refuses it.
 */
export async function endSession(
  db: Kysely<PlatformDatabase>,
  refreshToken: string,
  named: Pick<TenantHints, 'header' | 'host' | 'query'>,
): Promise<void> {
  const state = await findRefreshToken(db, refreshToken);
  if (!state) return;
  if (state.kind === 'tenant_user') {
    resolveTenant({ ...named, claim: state.tenantId as TenantId, body: undefined });
  }
  await revokeRefreshFamily(db, state.familyId);
}
