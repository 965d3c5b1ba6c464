import { randomUUID } from 'node:crypto';
import type { Principal } from '../../identity/access-tokens.js';
import { createRefreshToken } from '../../identity/refresh-tokens.js';
import type { AuthDeps } from './auth-deps.js';
import type { Session } from './auth.schema.js';

/**
 * The answer of login and refresh: an access token and, except for an MFA-setup session, the
 * next refresh token of the family (a new family when none is given).
 */
export async function startSession(
  deps: AuthDeps,
  principal: Principal,
  familyId?: string,
): Promise<Session> {
  const sessionId = familyId ?? randomUUID();
  const session: Session = {
    access_token: await deps.tokens.issue({ ...principal, sessionId }),
    token_type: 'Bearer',
    expires_in: deps.tokens.ttlSeconds,
    user: { id: principal.id, email: principal.email ?? '', roles: principal.roles },
    tenant_id: principal.tenantId,
  };
  if (principal.kind === 'api_key') throw new Error('API keys do not start sessions');
  // A setup-only session cannot be prolonged: enrolling is done within one access token's life.
  if (principal.mfaSetupOnly) return { ...session, mfa_setup_required: true };
  session.refresh_token = await createRefreshToken(
    deps.tenancy.platformDb,
    {
      familyId: sessionId,
      subject: principal.id,
      kind: principal.kind,
      tenantId: principal.tenantId,
    },
    deps.config.refreshTokenTtlSeconds,
  );
  return session;
}
