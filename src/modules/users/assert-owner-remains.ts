import { AppError } from '../../errors.js';
import { OWNER_ROLE } from '../../identity/permissions.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';

/**
 * Refuses a change that takes the owner role away from `userId` (demotion, disabling,
 * deletion) unless another active owner remains: a tenant always keeps someone who can sign
 * in and hold every permission. Call it under the tenant's identity lock.
 */
export async function assertAnotherActiveOwner(scope: TenantScope, userId: string): Promise<void> {
  const other = await scope.db
    .selectFrom('user_roles')
    .innerJoin('users', (join) =>
      join.onRef('users.tenant_id', '=', 'user_roles.tenant_id').onRef('users.id', '=', 'user_roles.user_id'),
    )
    .select('users.id')
    .where('user_roles.tenant_id', '=', scope.tenantId)
    .where('user_roles.role', '=', OWNER_ROLE)
    .where('users.status', '=', 'active')
    .where('users.id', '<>', userId)
    .limit(1)
    .executeTakeFirst();
  if (!other)
    throw new AppError('CONFLICT', 'The last owner of a tenant cannot be removed, disabled or demoted');
}
