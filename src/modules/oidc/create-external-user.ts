import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { assertSeatFree } from '../identity/assert-seat-free.js';
import { auditAsUser, type ExternalIdentity, type LinkedUser } from './external-identity.js';
import { isEmailTaken } from '../identity/is-email-taken.js';

/**
 * An address for a user whose provider gave no (verified) email: unique per identity and in the
 * reserved `.invalid` domain (RFC 2606), so no mail is ever delivered to it.
 */
export function placeholderEmail(issuer: string, subject: string): string {
  return `${createHash('sha256').update(`${issuer}\n${subject}`).digest('hex').slice(0, 32)}@oidc.invalid`;
}

/**
 * Creates the tenant user for a first sign-in (just in time): active, no password, holding the
 * mapped roles, inside the tier's seat limit. An email that already belongs to a user of the
 * tenant is refused rather than linked: the provider asserting an address is not proof that its
 * bearer owns that account, and linking would hand the account to whoever sets that email at
 * the provider. Call it under the tenant's identity lock.
 */
export async function createExternalUser(
  scope: TenantScope,
  identity: ExternalIdentity,
  roles: string[],
  options: { maxUsers: number | null },
): Promise<LinkedUser> {
  const email = identity.email ?? placeholderEmail(identity.issuer, identity.subject);
  if (await isEmailTaken(scope, email)) {
    throw new AppError(
      'CONFLICT',
      'An account with this email already exists in this tenant; an administrator must remove or rename it before you can sign in with your identity provider',
      { internal: `oidc ${identity.issuer} ${identity.subject}: email taken by a local user` },
    );
  }
  await assertSeatFree(scope, options.maxUsers);
  const now = new Date();
  const id = uuidv7();
  await scope.db
    .insertInto('users')
    .values({
      tenant_id: scope.tenantId,
      id,
      email,
      password_hash: null,
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await scope.db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ tenant_id: scope.tenantId, user_id: id, role })))
    .execute();
  await scope.db
    .insertInto('external_identities')
    .values({
      tenant_id: scope.tenantId,
      issuer: identity.issuer,
      subject: identity.subject,
      user_id: id,
      email: identity.email,
      created_at: now,
      last_seen_at: now,
    })
    .execute();
  await auditAsUser(scope, id, {
    action: 'user.create',
    targetType: 'user',
    targetId: id,
    after: { email, roles, status: 'active', issuer: identity.issuer, subject: identity.subject },
  });
  return { id, email, roles };
}
