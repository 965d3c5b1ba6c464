import type { TenantScope } from '../../tenancy/tenant-scope.js';

export interface UserWithRoles {
  id: string;
  email: string;
  status: string;
  password_hash: string | null;
  roles: string[];
}

/** The tenant user with this email (emails are unique per tenant only), with role names. */
export async function findUserByEmail(scope: TenantScope, email: string): Promise<UserWithRoles | undefined> {
  const user = await scope.db
    .selectFrom('users')
    .select(['id', 'email', 'status', 'password_hash'])
    .where('tenant_id', '=', scope.tenantId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (!user) return undefined;
  const roles = await scope.db
    .selectFrom('user_roles')
    .select('role')
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', user.id)
    .orderBy('role')
    .execute();
  return { ...user, roles: roles.map((r) => r.role) };
}
