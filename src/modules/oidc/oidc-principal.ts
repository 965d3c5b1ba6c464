import { openTenant, refusalError } from '../../tenancy/open-tenant.js';
import { decodeJwt, type JWTPayload } from 'jose';
import type { AppServices } from '../../app/app-services.js';
import { type Principal, TOKEN_ISSUER } from '../../identity/access-tokens.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import { effectiveLimits } from '../../tenancy/tiers.js';
import { mappedRoles, tenantClaimMatches } from './external-claims.js';
import { linkExternalUser } from './link-external-user.js';
import { oidcIssuersOf } from './oidc-issuers.js';
import { externalTokenRefused, verifyExternalToken } from './verify-external-token.js';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}$/;

/** The issuer a JWT claims, unverified: only used to pick whose keys verify it. */
function claimedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

/** True for a JWT naming another issuer than ours: it goes to the tenant's provider, not our keys. */
export function issuedElsewhere(token: string): boolean {
  const iss = claimedIssuer(token);
  return iss !== undefined && iss !== TOKEN_ISSUER;
}

/** A provider's email we may show and mail: present, well-formed and not declared unverified. */
function emailOf(payload: JWTPayload): string | null {
  const email = payload.email;
  if (typeof email !== 'string' || payload.email_verified === false || !EMAIL.test(email)) return null;
  return email.toLowerCase();
}

/**
 * Turns a token of a tenant's own OpenID Connect provider into a user of that tenant. The issuer
 * finds the tenant (one issuer, one tenant); the token then verifies against that provider's keys
 * and, if configured, its tenant claim. The principal's tenant is the provider's, so naming
 * another tenant is a TENANT_MISMATCH like with our own tokens.
 */
export async function oidcPrincipal(services: AppServices, token: string): Promise<Principal> {
  const issuers = oidcIssuersOf(services.tenancy, {
    allowPrivateTargets: services.config.oidcAllowPrivateTargets,
  });
  const iss = claimedIssuer(token);
  const provider = iss === undefined ? undefined : await issuers.find(iss);
  if (!provider?.enabled || !isTenantId(provider.tenant_id))
    throw externalTokenRefused('issuer not configured');
  const payload = await verifyExternalToken(token, provider, issuers.keySet(provider));
  if (!tenantClaimMatches(payload, provider)) throw externalTokenRefused('tenant claim mismatch');
  const tenant = await openTenant(services.tenancy.registry, provider.tenant_id, 'request', {
    refuse: (refusal, found) =>
      refusal === 'TENANT_SUSPENDED'
        ? refusalError(refusal)
        : externalTokenRefused(found ? 'tenant not active' : 'tenant gone'),
  });
  const user = await services.tenancy.withTenant(tenant, (scope) =>
    linkExternalUser(
      scope,
      {
        issuer: provider.issuer,
        subject: payload.sub,
        email: emailOf(payload),
        roles: mappedRoles(payload, provider),
      },
      { maxUsers: effectiveLimits(tenant.tier, tenant.limit_overrides).max_users },
    ),
  );
  return { kind: 'tenant_user', id: user.id, tenantId: tenant.id, roles: user.roles, email: user.email };
}
