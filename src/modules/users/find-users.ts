import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { ListQuery } from '../listing/list-query.schema.js';
import { paginate } from '../listing/paginate.js';
import { toUsers, USER_COLUMNS } from './user-view.js';
import { type User, USER_STATUSES } from './users.schema.js';

/** A page of the tenant's users; `q` searches the email, `sort=name` sorts by it. */
export async function findUsers(scope: TenantScope, query: ListQuery) {
  const base = scope.db.selectFrom('users').select(USER_COLUMNS).where('tenant_id', '=', scope.tenantId);
  const page = await paginate(base, query, { list: 'users', name: 'email', statuses: USER_STATUSES });
  const users: User[] = await toUsers(scope, page.rows);
  return { users, pagination: page.pagination };
}
