import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { containing } from '../listing/like-pattern.js';
import type { Page } from '../listing/list-query.schema.js';
import { type ListOrder, readListPage } from '../listing/read-list-page.js';
import { PLATFORM_ADMIN_COLUMNS, platformAdminsFrom, toPlatformAdmin } from './platform-admin-view.js';
import type { PlatformAdminListQuery } from './platform-admin-list-query.js';
import type { PlatformAdmin } from './platform-admins.schema.js';

type Sort = NonNullable<PlatformAdminListQuery['sort']>;
const AT = sql`a.created_at`;
const EMAIL = sql`a.email`;
const ORDERS: Record<Sort, ListOrder> = {
  created_at: { name: 'created_at', value: AT, descending: false, kind: 'instant' },
  '-created_at': { name: '-created_at', value: AT, descending: true, kind: 'instant' },
  name: { name: 'name', value: EMAIL, descending: false, kind: 'string' },
  '-name': { name: '-name', value: EMAIL, descending: true, kind: 'string' },
};

/** Platform administrators, oldest first unless sorted (`name` is the email), a page or cursor page at a time. */
export async function findPlatformAdmins(
  db: Kysely<PlatformDatabase>,
  query: PlatformAdminListQuery,
): Promise<Page<PlatformAdmin>> {
  let base = platformAdminsFrom(db);
  if (query.q) base = base.where('a.email', 'ilike', containing(query.q));
  const page = await readListPage(
    db,
    base,
    (q) => q.select(PLATFORM_ADMIN_COLUMNS),
    query,
    ORDERS[query.sort ?? 'created_at'],
    { column: sql`a.id`, type: 'uuid' },
  );
  return { rows: page.rows.map(toPlatformAdmin), pagination: page.pagination };
}
