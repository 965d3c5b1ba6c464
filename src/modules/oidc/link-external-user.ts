import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { lockTenantIdentity } from '../identity/lock-tenant-identity.js';
import { createExternalUser } from './create-external-user.js';
import { existingRoles, type ExternalIdentity, type LinkedUser } from './external-identity.js';
import { type StoredLink, syncExternalUser } from './sync-external-user.js';
import { findRoleNames } from '../identity/find-role-names.js';

/** The last-seen time is written at most this often, so a busy user's reads stay reads. */
const LAST_SEEN_PRECISION_MS = 60_000;

async function readLink(scope: TenantScope, identity: ExternalIdentity): Promise<StoredLink | undefined> {
  const row = await scope.db
    .selectFrom('external_identities')
    .innerJoin('users', (join) =>
      join
        .onRef('users.tenant_id', '=', 'external_identities.tenant_id')
        .onRef('users.id', '=', 'external_identities.user_id'),
    )
    .select([
      'users.id',
      'users.email',
      'users.status',
      'external_identities.email as claimed_email',
      'external_identities.last_seen_at',
    ])
    .where('external_identities.tenant_id', '=', scope.tenantId)
    .where('external_identities.issuer', '=', identity.issuer)
    .where('external_identities.subject', '=', identity.subject)
    .executeTakeFirst();
  if (!row) return undefined;
  const roles = await findRoleNames(scope, row.id);
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    roles,
    claimedEmail: row.claimed_email,
    lastSeenAt: row.last_seen_at,
  };
}

const sameRoles = (held: string[], mapped: string[]) =>
  held.length === mapped.length && mapped.every((role) => held.includes(role));

const inLine = (link: StoredLink, identity: ExternalIdentity, roles: string[]) =>
  sameRoles(link.roles, roles) &&
  (identity.email === null || identity.email === link.claimedEmail) &&
  Date.now() - link.lastSeenAt.getTime() < LAST_SEEN_PRECISION_MS;

/**
 * The tenant user behind a provider's (issuer, subject) — never found by email. A first sign-in
 * creates the user; later ones update roles and email from the token. The common case (nothing
 * changed) only reads; anything else takes the tenant's identity lock, so two first sign-ins of
 * one person create one user.
 */
export async function linkExternalUser(
  scope: TenantScope,
  identity: ExternalIdentity,
  options: { maxUsers: number | null },
): Promise<LinkedUser> {
  const roles = await existingRoles(scope, identity.roles);
  if (roles.length === 0) {
    throw new AppError('FORBIDDEN', 'Your identity provider grants you no role in this tenant');
  }
  const known = await readLink(scope, identity);
  if (known && known.status !== 'active') {
    throw new AppError('UNAUTHENTICATED', 'This account is disabled', { internal: 'oidc user disabled' });
  }
  if (known && inLine(known, identity, roles)) return known;
  await lockTenantIdentity(scope);
  const link = await readLink(scope, identity);
  if (!link) return createExternalUser(scope, identity, roles, options);
  if (link.status !== 'active') {
    throw new AppError('UNAUTHENTICATED', 'This account is disabled', { internal: 'oidc user disabled' });
  }
  return syncExternalUser(scope, identity, link, roles);
}
