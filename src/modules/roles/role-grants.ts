import { AppError } from '../../errors.js';
import { effectivePermissions, type Permission } from '../../identity/permissions.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';

/**
 * What the caller may hand out: the permissions they hold themselves (a platform administrator
 * holds them all). Nobody grants, through a role, more than they have.
 */
export type Grantor = { kind: 'all' } | { kind: 'holder'; permissions: ReadonlySet<Permission> };

/** The permissions of the named roles of the tenant; a name that is no role is a 400 at `path`. */
export async function permissionsOfRoles(
  scope: TenantScope,
  names: readonly string[],
  path: string,
): Promise<Permission[]> {
  if (names.length === 0) return [];
  const rows = await scope.db
    .selectFrom('roles')
    .select(['name', 'permissions'])
    .where('tenant_id', '=', scope.tenantId)
    .where('name', 'in', [...names])
    .execute();
  const missing = names.find((name) => !rows.some((row) => row.name === name));
  if (missing !== undefined) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ path, message: `there is no role named "${missing}"` }],
    });
  }
  return [...new Set(rows.flatMap((row) => effectivePermissions(row.name, row.permissions)))];
}

/** Refuses to grant, revoke or reshape a role that holds permissions the caller lacks. */
export function assertMayGrant(grantor: Grantor, permissions: Iterable<Permission>): void {
  if (grantor.kind === 'all') return;
  for (const permission of permissions) {
    if (!grantor.permissions.has(permission)) {
      throw new AppError('FORBIDDEN', `You cannot grant or revoke ${permission}: you do not hold it`);
    }
  }
}
