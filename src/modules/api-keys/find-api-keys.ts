import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { containing } from '../listing/like-pattern.js';
import { listOrder, type ListOrder, readListPage } from '../listing/read-list-page.js';
import { API_KEY_COLUMNS } from './api-key-row.js';
import type { ApiKeyListQuery } from './api-key-list-query.js';

type Sort = NonNullable<ApiKeyListQuery['sort']>;
const ORDERS: Record<Sort, ListOrder> = {
  '-created_at': listOrder('-created_at', 'created_at', 'instant'),
  created_at: listOrder('created_at', 'created_at', 'instant'),
  name: listOrder('name', 'name', 'string'),
  '-name': listOrder('-name', 'name', 'string'),
};

/** The tenant's keys, newest first unless sorted, revoked ones included (they explain past audit entries). */
export function findApiKeys(scope: TenantScope, query: ApiKeyListQuery) {
  let base = scope.db.selectFrom('api_keys').where('tenant_id', '=', scope.tenantId);
  if (query.q) base = base.where('name', 'ilike', containing(query.q));
  return readListPage(
    scope.db,
    base,
    (q) => q.select(API_KEY_COLUMNS),
    query,
    ORDERS[query.sort ?? '-created_at'],
    { column: sql.ref('id'), type: 'uuid' },
  );
}
