import { OWNER_ROLE } from '../../identity/permissions.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { assertAnotherActiveOwner } from '../users/assert-owner-remains.js';
import { auditAsUser, type ExternalIdentity, type LinkedUser } from './external-identity.js';
import { isEmailTaken } from '../identity/is-email-taken.js';

/** A linked user as stored, with the provider's email claim last seen. */
export interface StoredLink extends LinkedUser {
  status: string;
  claimedEmail: string | null;
  lastSeenAt: Date;
}

/** True when the owner role may go: someone else still holds it, so the tenant keeps an owner. */
async function ownerMayGo(scope: TenantScope, userId: string): Promise<boolean> {
  return assertAnotherActiveOwner(scope, userId).then(
    () => true,
    () => false,
  );
}

/**
 * Brings a linked user in line with the provider's latest token: roles replaced by the mapped
 * ones (the provider is the source of truth for its users; the last owner keeps ownership), the
 * email followed when the provider's changed and the new address is free in the tenant. Call it
 * under the tenant's identity lock.
 */
export async function syncExternalUser(
  scope: TenantScope,
  identity: ExternalIdentity,
  link: StoredLink,
  mapped: string[],
): Promise<LinkedUser> {
  const keepOwner =
    link.roles.includes(OWNER_ROLE) && !mapped.includes(OWNER_ROLE) && !(await ownerMayGo(scope, link.id));
  const roles = keepOwner ? [...mapped, OWNER_ROLE].sort() : mapped;
  const added = roles.filter((role) => !link.roles.includes(role));
  const removed = link.roles.filter((role) => !roles.includes(role));
  let email = link.email;
  if (identity.email && identity.email !== link.claimedEmail && identity.email !== link.email) {
    if (!(await isEmailTaken(scope, identity.email))) email = identity.email;
  }
  const where = { tenant_id: scope.tenantId, user_id: link.id };
  if (removed.length > 0) {
    await scope.db
      .deleteFrom('user_roles')
      .where('tenant_id', '=', where.tenant_id)
      .where('user_id', '=', where.user_id)
      .where('role', 'in', removed)
      .execute();
  }
  if (added.length > 0) {
    await scope.db
      .insertInto('user_roles')
      .values(added.map((role) => ({ ...where, role })))
      .execute();
  }
  if (email !== link.email) {
    await scope.db
      .updateTable('users')
      .set({ email, updated_at: new Date() })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', link.id)
      .execute();
  }
  await scope.db
    .updateTable('external_identities')
    .set({ email: identity.email, last_seen_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('issuer', '=', identity.issuer)
    .where('subject', '=', identity.subject)
    .execute();
  if (added.length > 0 || removed.length > 0 || email !== link.email) {
    await auditAsUser(scope, link.id, {
      action: 'user.update',
      targetType: 'user',
      targetId: link.id,
      before: { email: link.email, roles: link.roles },
      after: { email, roles, issuer: identity.issuer },
    });
  }
  return { id: link.id, email, roles };
}
