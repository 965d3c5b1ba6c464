import { sql } from 'kysely';
import { AppError, validationFailed } from '../../errors.js';
import type { Permission } from '../../identity/permissions.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { lockTenantIdentity } from '../identity/lock-tenant-identity.js';
import { assertMayGrant, type Grantor } from './role-grants.js';
import { ROLE_COLUMNS, type RoleRow } from './role-view.js';
import type { CreateRoleBody } from './roles.schema.js';

/** Every tenant's roles are read on its requests' permission checks; this keeps that read small. */
export const MAX_CUSTOM_ROLES = 100;

/** Names a tenant role may never take: the platform's own role would only confuse readers of a token. */
const RESERVED = new Set(['platform_admin']);

/** Adds a custom role made of catalogue permissions the caller holds. */
export async function createRole(
  scope: TenantScope,
  input: CreateRoleBody,
  grantor: Grantor,
): Promise<RoleRow> {
  if (RESERVED.has(input.name)) throw validationFailed('name', 'this role name is reserved');
  const permissions = [...new Set(input.permissions)] as Permission[];
  assertMayGrant(grantor, permissions);
  await lockTenantIdentity(scope);
  const { custom } = await scope.db
    .selectFrom('roles')
    .select(sql<string>`count(*)`.as('custom'))
    .where('tenant_id', '=', scope.tenantId)
    .where('built_in', '=', false)
    .executeTakeFirstOrThrow();
  if (Number(custom) >= MAX_CUSTOM_ROLES) {
    throw new AppError('LIMIT_EXCEEDED', `A tenant may have at most ${MAX_CUSTOM_ROLES} custom roles`);
  }
  const row = await scope.db
    .insertInto('roles')
    .values({
      tenant_id: scope.tenantId,
      name: input.name,
      permissions,
      built_in: false,
      created_at: new Date(),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
    .returning(ROLE_COLUMNS)
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', 'A role with this name already exists');
  await recordAudit(scope, { action: 'role.create', targetType: 'role', targetId: row.name, after: row });
  return row;
}
