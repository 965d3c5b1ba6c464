import { randomUUID } from 'node:crypto';
import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors.js';
import type { Permission } from './permissions.js';
import { isTenantId, type TenantId } from '../tenancy/tenant-id.js';
import { platformRoleOf } from './platform-roles.js';
import { SIGNING_ALG, type SigningKeys } from './signing-keys.js';

export const TOKEN_ISSUER = 'tenantbase';
export const TOKEN_AUDIENCE = 'tenantbase-api';

/**
 * Who is calling: platform staff (no tenant; kind `platform_admin` whatever their platform role,
 * which `roles` carries) or a user of exactly one tenant.
 */
export interface Principal {
  /** `api_key`: a tenant service account, holding exactly `permissions` and no roles. */
  kind: 'platform_admin' | 'tenant_user' | 'api_key';
  id: string;
  tenantId: TenantId | null;
  roles: string[];
  email?: string;
  /** Set for API keys only: what the key was granted, a subset of its creator's permissions. */
  permissions?: Permission[];
  /** An administrator who must enrol MFA first (REQUIRE_ADMIN_MFA): the token opens only enrolment. */
  mfaSetupOnly?: boolean;
  /** The refresh family the token was issued in (`sid`): logging out of it ends the token. */
  sessionId?: string;
  /** The account's token generation at issue (`gen`): a revocation raises it past the token. */
  generation?: number;
}

/** Leeway for clocks of different servers: iat and nbf may be this far in the future, exp this far past. */
const CLOCK_TOLERANCE_SECONDS = 5;

const unauthenticated = (internal: string) =>
  new AppError('UNAUTHENTICATED', 'The access token is missing, invalid or expired', { internal });

/** Issues and checks short-lived access tokens (subject, tenant, roles, session), signed with shared keys. */
export class AccessTokens {
  constructor(
    private readonly keys: SigningKeys,
    readonly ttlSeconds: number,
  ) {}

  async issue(principal: Principal): Promise<string> {
    await this.keys.refreshIfStale();
    const { kid, key } = this.keys.signingKey();
    const claims: Record<string, unknown> = { roles: principal.roles };
    if (principal.tenantId) claims.tenant_id = principal.tenantId;
    if (principal.mfaSetupOnly) claims.mfa_setup_only = true;
    if (principal.sessionId !== undefined) claims.sid = principal.sessionId;
    if (principal.generation !== undefined) claims.gen = principal.generation;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: 'JWT' })
      .setSubject(principal.id)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(key);
  }

  // A verified token answers from here until it expires (each entry lives until its own `exp`):
  // verifying the signature again on every request was about an eighth of the server's CPU, and a
  // token's content can never change.
  private readonly verified = new LRUCache<string, Principal>({ max: 10_000 });

  /** Whether this token was verified here and has not expired: one of ours, so no other credential's. */
  isVerified(token: string): boolean {
    return this.verified.has(token);
  }

  /** Verifies a token with the algorithm pinned; anything doubtful is a 401, never a 500. */
  async verify(token: string): Promise<Principal> {
    const hit = this.verified.get(token);
    if (hit) return { ...hit };
    const { principal, expiresAt } = await this.verifyUncached(token);
    // A token accepted within the clock tolerance past its exp is not kept: a ttl of 0 would mean forever.
    const ttl = expiresAt - Date.now();
    if (ttl > 0) this.verified.set(token, principal, { ttl });
    return { ...principal };
  }

  private async verifyUncached(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw unauthenticated('malformed token');
    }
    if (header.alg !== SIGNING_ALG || typeof header.kid !== 'string') throw unauthenticated('bad alg or kid');
    if ('jwk' in header || 'jku' in header || 'x5u' in header || 'x5c' in header)
      throw unauthenticated('embedded key');
    const key = await this.keys.verificationKey(header.kid);
    if (!key) throw unauthenticated('unknown kid');
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: [SIGNING_ALG],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
        // With a maximum age jose also refuses an iat in the future, which it otherwise accepts.
        maxTokenAge: this.ttlSeconds,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      const roles = Array.isArray(payload.roles)
        ? payload.roles.filter((r): r is string => typeof r === 'string')
        : [];
      const tenantClaim = payload.tenant_id;
      if (tenantClaim !== undefined && !isTenantId(tenantClaim)) throw unauthenticated('bad tenant claim');
      const isAdmin = tenantClaim === undefined && platformRoleOf(roles) !== undefined;
      if (tenantClaim === undefined && !isAdmin) throw unauthenticated('no tenant and not an administrator');
      const principal: Principal = {
        kind: isAdmin ? 'platform_admin' : 'tenant_user',
        id: payload.sub!,
        tenantId: isAdmin ? null : (tenantClaim as TenantId),
        roles,
        ...(payload.mfa_setup_only === true ? { mfaSetupOnly: true } : {}),
        ...(typeof payload.sid === 'string' ? { sessionId: payload.sid } : {}),
        ...(Number.isSafeInteger(payload.gen) ? { generation: payload.gen as number } : {}),
      };
      return { principal, expiresAt: payload.exp! * 1000 };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof errors.JOSEError) throw unauthenticated(error.code);
      throw unauthenticated('verification failed');
    }
  }
}
