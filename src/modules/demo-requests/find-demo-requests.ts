import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { Pagination } from '../listing/list-query.schema.js';
import { pagePagination } from '../listing/paginate.js';
import { DEMO_REQUEST_COLUMNS } from './demo-request-view.js';
import type { DemoRequestRow } from './demo-requests.table.js';
import type { DemoRequestListQuery } from './demo-requests.schema.js';

/** Demo requests, newest first by default, optionally of one status; page pagination. */
export async function findDemoRequests(
  db: Kysely<PlatformDatabase>,
  query: DemoRequestListQuery,
): Promise<{ rows: DemoRequestRow[]; pagination: Pagination }> {
  let base = db.selectFrom('platform.demo_requests');
  if (query.status) base = base.where('status', '=', query.status);
  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  const direction = query.sort === 'created_at' ? 'asc' : 'desc';
  const [count, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    base
      .select(DEMO_REQUEST_COLUMNS)
      .orderBy('created_at', direction)
      .orderBy('id', direction)
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ]);
  return { rows, pagination: pagePagination(page, perPage, Number(count.total)) };
}
