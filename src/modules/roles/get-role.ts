import { notFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { ROLE_COLUMNS, type RoleRow } from './role-view.js';

/** One role of the scope's tenant by name; another tenant's role is as missing as an unknown one. */
export async function getRole(scope: TenantScope, name: string): Promise<RoleRow> {
  const row = await scope.db
    .selectFrom('roles')
    .select(ROLE_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) throw notFound('Role');
  return row;
}
