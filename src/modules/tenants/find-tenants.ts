import { sql } from 'kysely';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import { containing } from '../listing/like-pattern.js';
import type { Page } from '../listing/list-query.schema.js';
import { listOrder, type ListOrder, readListPage } from '../listing/read-list-page.js';
import type { TenantListQuery } from './tenants.schema.js';

type Sort = NonNullable<TenantListQuery['sort']>;
const ORDERS: Record<Sort, ListOrder> = {
  '-created_at': listOrder('-created_at', 'created_at', 'instant'),
  created_at: listOrder('created_at', 'created_at', 'instant'),
  name: listOrder('name', 'name', 'string'),
  '-name': listOrder('-name', 'name', 'string'),
  status: listOrder('status', 'status', 'string'),
};

/**
 * Tenants of the registry, a page or a keyset cursor page at a time; `only` narrows it to one tenant
 * for a tenant user. Deleted tenants stay in the registry (ids are never reused), listed only when asked for.
 */
export async function findTenants(
  tenancy: Tenancy,
  query: TenantListQuery,
  only?: TenantId,
): Promise<Page<TenantRecord>> {
  let base = tenancy.platformDb.selectFrom('platform.tenants');
  if (only) base = base.where('id', '=', only);
  if (query.status) base = base.where('status', '=', query.status);
  else base = base.where('status', '<>', 'deleted');
  if (query.q) base = base.where('name', 'ilike', containing(query.q));
  if (query.created_from) base = base.where(sql<boolean>`created_at >= ${query.created_from}::timestamptz`);
  if (query.created_to) base = base.where(sql<boolean>`created_at <= ${query.created_to}::timestamptz`);
  const page = await readListPage(
    tenancy.platformDb,
    base,
    (q) => q.select('id'),
    query,
    ORDERS[query.sort ?? '-created_at'],
    { column: sql`id`, type: 'text' },
  );
  const rows = await Promise.all(page.rows.map((row) => tenancy.registry.load(row.id as TenantId)));
  return {
    rows: rows.filter((row): row is TenantRecord => row !== undefined),
    pagination: page.pagination,
  };
}
