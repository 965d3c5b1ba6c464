import { AppError } from '../../errors.js';
import { effectivePermissions } from '../../identity/permissions.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { lockTenantIdentity } from '../identity/lock-tenant-identity.js';
import { getRole } from './get-role.js';
import { assertMayGrant, type Grantor } from './role-grants.js';

/**
 * Deletes a custom role nobody holds. Under the identity lock, so no assignment can slip in
 * between the check and the delete (the foreign key would otherwise cascade it away silently).
 */
export async function deleteRole(scope: TenantScope, name: string, grantor: Grantor): Promise<void> {
  await lockTenantIdentity(scope);
  const before = await getRole(scope, name);
  if (before.built_in) throw new AppError('CONFLICT', 'Built-in roles cannot be deleted');
  assertMayGrant(grantor, effectivePermissions(before.name, before.permissions));
  const holder = await scope.db
    .selectFrom('user_roles')
    .select('user_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('role', '=', before.name)
    .limit(1)
    .executeTakeFirst();
  if (holder) throw new AppError('CONFLICT', 'This role is still held by users; reassign them first');
  await scope.db
    .deleteFrom('roles')
    .where('tenant_id', '=', scope.tenantId)
    .where('name', '=', before.name)
    .execute();
  await recordAudit(scope, { action: 'role.delete', targetType: 'role', targetId: before.name, before });
}
