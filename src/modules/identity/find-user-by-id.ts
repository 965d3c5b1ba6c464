import { notFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { findRoleNames } from './find-role-names.js';

/** A tenant user's public fields and role names; another tenant's id is simply not found. */
export async function findUserById(scope: TenantScope, id: string) {
  const user = await scope.db
    .selectFrom('users')
    .select(['id', 'email', 'status', 'created_at'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!user) throw notFound('User');
  const roles = await findRoleNames(scope, id);
  return {
    id: user.id,
    email: user.email,
    status: user.status,
    roles,
    created_at: user.created_at.toISOString(),
  };
}
