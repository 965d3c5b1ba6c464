import { notFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';

/** A tenant user's public fields and role names; another tenant's id is simply not found. */
export async function findUserById(scope: TenantScope, id: string) {
  const user = await scope.db
    .selectFrom('users')
    .select(['id', 'email', 'status', 'created_at'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!user) throw notFound('User');
  const roles = await scope.db
    .selectFrom('user_roles')
    .select('role')
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', id)
    .orderBy('role')
    .execute();
  return {
    id: user.id,
    email: user.email,
    status: user.status,
    roles: roles.map((r) => r.role),
    created_at: user.created_at.toISOString(),
  };
}
