import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { pagePagination } from '../listing/paginate.js';
import type { Page } from '../listing/paginate.js';
import { ENTRY_TYPE_COLUMNS, type EntryTypeRow } from './entry-rows.js';

/** The tenant's entry types by key, a page at a time. */
export async function findEntryTypes(
  scope: TenantScope,
  query: { page?: number; per_page?: number },
): Promise<Page<EntryTypeRow>> {
  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  const base = scope.db.selectFrom('entry_types').where('tenant_id', '=', scope.tenantId);
  const [count, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    base
      .select(ENTRY_TYPE_COLUMNS)
      .orderBy('key')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ]);
  return { rows, pagination: pagePagination(page, perPage, Number(count.total)) };
}
