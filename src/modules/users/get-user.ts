import { notFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { toUsers, USER_COLUMNS, type UserRow } from './user-view.js';
import type { User } from './users.schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The stored user of the scope's tenant; another tenant's id is as missing as an unknown one. */
export async function getUserRow(scope: TenantScope, id: string): Promise<UserRow> {
  if (!UUID.test(id)) throw notFound('User');
  const row = await scope.db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('User');
  return row;
}

/** The API shape of one user of the scope's tenant (NOT_FOUND like getUserRow). */
export async function getUser(scope: TenantScope, id: string): Promise<User> {
  const [user] = await toUsers(scope, [await getUserRow(scope, id)]);
  return user!;
}
