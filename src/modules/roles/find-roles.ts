import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { containing } from '../listing/like-pattern.js';
import type { Page } from '../listing/list-query.schema.js';
import { type ListOrder, readListPage } from '../listing/read-list-page.js';
import { ROLE_COLUMNS, type RoleRow } from './role-view.js';
import type { RoleListQuery } from './role-list-query.js';

const NAME = sql`name`;
const AT = sql`created_at`;
const ORDERS: Record<NonNullable<RoleListQuery['sort']> | 'built_in', ListOrder> = {
  // The default: built-in roles before custom ones, each by name.
  built_in: {
    name: 'built_in',
    value: sql`(case when built_in then 0 else 1 end)`,
    descending: false,
    kind: 'number',
  },
  name: { name: 'name', value: null, descending: false, kind: 'string' },
  '-name': { name: '-name', value: null, descending: true, kind: 'string' },
  created_at: { name: 'created_at', value: AT, descending: false, kind: 'instant' },
  '-created_at': { name: '-created_at', value: AT, descending: true, kind: 'instant' },
};

/** The tenant's roles, built-in first then by name unless sorted otherwise, a page or cursor page at a time. */
export function findRoles(scope: TenantScope, query: RoleListQuery): Promise<Page<RoleRow>> {
  let base = scope.db.selectFrom('roles').where('tenant_id', '=', scope.tenantId);
  if (query.q) base = base.where('name', 'ilike', containing(query.q));
  return readListPage(
    scope.db,
    base,
    (q) => q.select(ROLE_COLUMNS),
    query,
    ORDERS[query.sort ?? 'built_in'],
    { column: NAME, type: 'text' },
  );
}
