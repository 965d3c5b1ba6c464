import { findOrNotFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { toUsers, USER_COLUMNS, type UserRow } from './user-view.js';
import type { User } from './users.schema.js';

/** The stored user of the scope's tenant; another tenant's id is as missing as an unknown one. */
export async function getUserRow(scope: TenantScope, id: string): Promise<UserRow> {
  return findOrNotFound('User', id, (uuid) =>
    scope.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', uuid)
      .executeTakeFirst(),
  );
}

/** The API shape of one user of the scope's tenant (NOT_FOUND like getUserRow). */
export async function getUser(scope: TenantScope, id: string): Promise<User> {
  const [user] = await toUsers(scope, [await getUserRow(scope, id)]);
  return user!;
}
