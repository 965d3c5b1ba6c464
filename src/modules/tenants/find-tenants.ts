import { sql } from 'kysely';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import type { Pagination } from '../listing/list-query.schema.js';
import { pagePagination } from '../listing/paginate.js';
import type { TenantListQuery } from './tenants.schema.js';
import { containing } from '../listing/like-pattern.js';

const ORDER: Record<string, [string, 'asc' | 'desc']> = {
  created_at: ['created_at', 'asc'],
  '-created_at': ['created_at', 'desc'],
  name: ['name', 'asc'],
  '-name': ['name', 'desc'],
  status: ['status', 'asc'],
};

/** Tenants of the registry, paginated; `only` narrows it to one tenant for a tenant user. */
export async function findTenants(
  tenancy: Tenancy,
  query: TenantListQuery,
  only?: TenantId,
): Promise<{ rows: TenantRecord[]; pagination: Pagination }> {
  let base = tenancy.platformDb.selectFrom('platform.tenants');
  if (only) base = base.where('id', '=', only);
  if (query.status) base = base.where('status', '=', query.status);
  else base = base.where('status', '<>', 'deleted');
  if (query.q) base = base.where('name', 'ilike', containing(query.q));
  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  const [column, direction] = ORDER[query.sort ?? '-created_at']!;
  const [countRow, ids] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirst(),
    base
      .select('id')
      .orderBy(sql.ref(column), direction)
      .orderBy('id', direction)
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ]);
  const rows = await Promise.all(ids.map((row) => tenancy.registry.load(row.id as TenantId)));
  return {
    rows: rows.filter((row): row is TenantRecord => row !== undefined),
    pagination: pagePagination(page, perPage, Number(countRow?.total ?? 0)),
  };
}
