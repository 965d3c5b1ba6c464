import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { findRoleNames } from './find-role-names.js';

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
  return { ...user, roles: await findRoleNames(scope, user.id) };
}
