import { AppError } from '../../errors.js';
import { effectivePermissions, OWNER_ROLE, type Permission } from '../../identity/permissions.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { lockTenantIdentity } from '../identity/lock-tenant-identity.js';
import { getRole } from './get-role.js';
import { assertMayGrant, type Grantor } from './role-grants.js';
import { ROLE_COLUMNS, type RoleRow } from './role-view.js';
import type { UpdateRoleBody } from './roles.schema.js';

/**
 * Changes a role's permissions and/or renames it. Built-in roles keep their names, and the
 * owner role always holds everything. The caller must hold both what the role had and what it
 * gets, since the change reaches every holder of the role.
 */
export async function updateRole(
  scope: TenantScope,
  name: string,
  input: UpdateRoleBody,
  grantor: Grantor,
): Promise<RoleRow> {
  await lockTenantIdentity(scope);
  const before = await getRole(scope, name);
  const renaming = input.name !== undefined && input.name !== before.name;
  if (renaming && before.built_in) throw new AppError('CONFLICT', 'Built-in roles cannot be renamed');
  if (input.permissions && before.name === OWNER_ROLE) {
    throw new AppError('CONFLICT', 'The owner role always holds every permission');
  }
  const had = effectivePermissions(before.name, before.permissions);
  const permissions = input.permissions ? ([...new Set(input.permissions)] as Permission[]) : had;
  assertMayGrant(grantor, [...had, ...permissions]);

  let after: RoleRow;
  if (renaming) {
    // The name is the key user_roles points at, so the role moves: new row, holders, old row gone.
    const moved = await scope.db
      .insertInto('roles')
      .values({ ...before, tenant_id: scope.tenantId, name: input.name!, permissions })
      .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
      .returning(ROLE_COLUMNS)
      .executeTakeFirst();
    if (!moved) throw new AppError('CONFLICT', 'A role with this name already exists');
    await scope.db
      .updateTable('user_roles')
      .set({ role: moved.name })
      .where('tenant_id', '=', scope.tenantId)
      .where('role', '=', before.name)
      .execute();
    await scope.db
      .deleteFrom('roles')
      .where('tenant_id', '=', scope.tenantId)
      .where('name', '=', before.name)
      .execute();
    after = moved;
  } else {
    after = await scope.db
      .updateTable('roles')
      .set({ permissions })
      .where('tenant_id', '=', scope.tenantId)
      .where('name', '=', before.name)
      .returning(ROLE_COLUMNS)
      .executeTakeFirstOrThrow();
  }
  await recordAudit(scope, {
    action: 'role.update',
    targetType: 'role',
    targetId: before.name,
    before,
    after,
  });
  return after;
}
