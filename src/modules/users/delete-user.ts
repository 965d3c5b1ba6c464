import { OWNER_ROLE } from '../../identity/permissions.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { lockTenantIdentity } from '../identity/lock-tenant-identity.js';
import { assertMayGrant, type Grantor, permissionsOfRoles } from '../roles/role-grants.js';
import { assertAnotherActiveOwner } from './assert-owner-remains.js';
import { getUser } from './get-user.js';

/**
 * Removes a user (or withdraws an invitation), freeing their seat. The caller must hold every
 * permission of the user's roles, and the last active owner cannot be removed.
 */
export async function deleteUser(scope: TenantScope, id: string, grantor: Grantor): Promise<void> {
  await lockTenantIdentity(scope);
  const before = await getUser(scope, id);
  assertMayGrant(grantor, await permissionsOfRoles(scope, before.roles, 'roles'));
  if (before.roles.includes(OWNER_ROLE) && before.status !== 'disabled') {
    await assertAnotherActiveOwner(scope, id);
  }
  await scope.db.deleteFrom('users').where('tenant_id', '=', scope.tenantId).where('id', '=', id).execute();
  await recordAudit(scope, { action: 'user.delete', targetType: 'user', targetId: id, before });
}
