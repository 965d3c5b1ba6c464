import type { TenantScope } from '../../tenancy/tenant-scope.js';

/** The names of the roles a user of the scope's tenant holds, in name order (tokens and views list them so). */
export async function findRoleNames(scope: TenantScope, userId: string): Promise<string[]> {
  const rows = await scope.db
    .selectFrom('user_roles')
    .select('role')
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((row) => row.role);
}
