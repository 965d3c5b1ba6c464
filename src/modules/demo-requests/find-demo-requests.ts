import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { containing } from '../listing/like-pattern.js';
import type { Page } from '../listing/list-query.schema.js';
import { listOrder, type ListOrder, readListPage } from '../listing/read-list-page.js';
import { DEMO_REQUEST_COLUMNS } from './demo-request-view.js';
import type { DemoRequestListQuery } from './demo-requests.schema.js';
import type { DemoRequestRow } from './demo-requests.table.js';

type Sort = NonNullable<DemoRequestListQuery['sort']>;
const ORDERS: Record<Sort, ListOrder> = {
  '-created_at': listOrder('-created_at', 'created_at', 'instant'),
  created_at: listOrder('created_at', 'created_at', 'instant'),
  name: listOrder('name', 'company_name', 'string'),
  '-name': listOrder('-name', 'company_name', 'string'),
  status: listOrder('status', 'status', 'string'),
};

/** Demo requests, newest first unless sorted, filtered as SPEC §5 lists are; by page or by cursor. */
export function findDemoRequests(
  db: Kysely<PlatformDatabase>,
  query: DemoRequestListQuery,
): Promise<Page<DemoRequestRow>> {
  let base = db.selectFrom('platform.demo_requests');
  if (query.status) base = base.where('status', '=', query.status);
  if (query.q) {
    const pattern = containing(query.q);
    base = base.where((eb) => eb.or([eb('company_name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  if (query.created_from) base = base.where(sql<boolean>`created_at >= ${query.created_from}::timestamptz`);
  if (query.created_to) base = base.where(sql<boolean>`created_at <= ${query.created_to}::timestamptz`);
  return readListPage(
    db,
    base,
    (q) => q.select(DEMO_REQUEST_COLUMNS),
    query,
    ORDERS[query.sort ?? '-created_at'],
    { column: sql`id`, type: 'uuid' },
  );
}
