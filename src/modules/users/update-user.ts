import { AppError } from '../../errors.js';
import { OWNER_ROLE } from '../../identity/permissions.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { lockTenantIdentity } from '../identity/lock-tenant-identity.js';
import { assertMayGrant, type Grantor, permissionsOfRoles } from '../roles/role-grants.js';
import { assertAnotherActiveOwner } from './assert-owner-remains.js';
import { getUser } from './get-user.js';
import { profileOf } from './user-view.js';
import type { UpdateUserBody, User } from './users.schema.js';

/**
 * Replaces a user's roles and/or switches them between active and disabled. The caller must
 * hold every permission of the roles added or removed (and, to disable someone, of all their
 * roles); the last active owner stays an active owner. `narrowed` tells that the user lost a
 * role or was disabled, so their access tokens must end.
 */
export async function updateUser(
  scope: TenantScope,
  id: string,
  input: UpdateUserBody,
  grantor: Grantor,
): Promise<{ user: User; narrowed: boolean }> {
  await lockTenantIdentity(scope);
  const before = await getUser(scope, id);
  const roles = input.roles ? [...new Set(input.roles)].sort() : before.roles;
  const added = roles.filter((role) => !before.roles.includes(role));
  const removed = before.roles.filter((role) => !roles.includes(role));
  const status = input.status ?? before.status;
  const disabling = status === 'disabled' && before.status !== 'disabled';
  assertMayGrant(grantor, await permissionsOfRoles(scope, [...added, ...removed], 'roles'));
  if (disabling) assertMayGrant(grantor, await permissionsOfRoles(scope, before.roles, 'roles'));

  if (status === 'active' && before.status !== 'active') {
    const { password_hash } = await scope.db
      .selectFrom('users')
      .select('password_hash')
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (password_hash === null) {
      throw new AppError('CONFLICT', 'This user becomes active by accepting their invitation');
    }
  }
  const losesOwner = removed.includes(OWNER_ROLE) || (disabling && roles.includes(OWNER_ROLE));
  if (losesOwner && before.status !== 'disabled') await assertAnotherActiveOwner(scope, id);

  const profile = profileOf(input);
  if (Object.keys(profile).length > 0) {
    await scope.db
      .updateTable('users')
      .set({ ...profile, updated_at: new Date() })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', id)
      .execute();
  }
  if (status !== before.status) {
    await scope.db
      .updateTable('users')
      .set({ status, updated_at: new Date() })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', id)
      .execute();
  }
  if (removed.length > 0) {
    await scope.db
      .deleteFrom('user_roles')
      .where('tenant_id', '=', scope.tenantId)
      .where('user_id', '=', id)
      .where('role', 'in', removed)
      .execute();
  }
  if (added.length > 0) {
    await scope.db
      .insertInto('user_roles')
      .values(added.map((role) => ({ tenant_id: scope.tenantId, user_id: id, role })))
      .execute();
  }
  const after = await getUser(scope, id);
  await recordAudit(scope, { action: 'user.update', targetType: 'user', targetId: id, before, after });
  return { user: after, narrowed: removed.length > 0 || disabling };
}
