import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { ROLE_COLUMNS, type RoleRow } from './role-view.js';

/** Every role of the tenant, built-in first; a tenant has few (custom roles are capped). */
export function findRoles(scope: TenantScope): Promise<RoleRow[]> {
  return scope.db
    .selectFrom('roles')
    .select(ROLE_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .orderBy('built_in', 'desc')
    .orderBy('name')
    .execute();
}
