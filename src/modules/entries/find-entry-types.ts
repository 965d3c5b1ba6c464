import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import {
  cursorLimit,
  type CursorKind,
  type KeysetSort,
  decodeKeysetCursor,
  encodeKeysetCursor,
  instantText,
  keysetPage,
  wantsCursor,
} from '../listing/keyset-cursor.js';
import { type Page, pagePagination } from '../listing/paginate.js';
import { ENTRY_TYPE_COLUMNS, type EntryTypeRow } from './entry-rows.js';
import type { TypeListQuery } from './entry-type-list-query.js';
import { containing } from '../listing/like-pattern.js';

type TypeSort = NonNullable<TypeListQuery['sort']>;
type ListedType = EntryTypeRow & { sort_at: string };

// created_at is compared at the microseconds PostgreSQL keeps, never at a JS Date's milliseconds.
const AT = sql`created_at`;
const NAME = sql`name`;
const SORTS: Record<TypeSort, KeysetSort<ListedType>> = {
  key: { value: null, descending: false, kind: 'string', of: (r) => r.key },
  '-key': { value: null, descending: true, kind: 'string', of: (r) => r.key },
  name: { value: NAME, descending: false, kind: 'string', of: (r) => r.name },
  '-name': { value: NAME, descending: true, kind: 'string', of: (r) => r.name },
  created_at: { value: AT, descending: false, kind: 'instant', of: (r) => r.sort_at },
  '-created_at': { value: AT, descending: true, kind: 'instant', of: (r) => r.sort_at },
};

/** The tenant's entry types, by key unless sorted otherwise, a page or a keyset cursor page at a time. */
export async function findEntryTypes(scope: TenantScope, query: TypeListQuery): Promise<Page<EntryTypeRow>> {
  let base = scope.db.selectFrom('entry_types').where('tenant_id', '=', scope.tenantId);
  if (query.q) {
    const pattern = containing(query.q);
    base = base.where((eb) => eb.or([eb('key', 'ilike', pattern), eb('name', 'ilike', pattern)]));
  }
  const sortName = query.sort ?? 'key';
  const sort = SORTS[sortName];
  const direction = sort.descending ? 'desc' : 'asc';
  const listed = (b: typeof base) => {
    const selected = b.select(ENTRY_TYPE_COLUMNS).select(instantText(sql.ref('created_at')).as('sort_at'));
    return (sort.value ? selected.orderBy(sort.value, direction) : selected).orderBy('key', direction);
  };
  const strip = ({ sort_at: _, ...row }: ListedType): EntryTypeRow => row;

  if (wantsCursor(query)) {
    const limit = cursorLimit(query);
    let after = base;
    if (query.cursor) {
      const kinds: CursorKind[] = sort.value ? [sort.kind, 'string'] : ['string'];
      const [value, key] = decodeKeysetCursor(query.cursor, sortName, kinds);
      const op = sort.descending ? sql`<` : sql`>`;
      const bound = sort.kind === 'instant' ? sql`${value}::timestamptz` : sql`${value}::text`;
      after = sort.value
        ? after.where(sql<boolean>`(${sort.value}, key) ${op} (${bound}, ${key}::text)`)
        : after.where(sql<boolean>`key ${op} ${value}::text`);
    }
    const rows = await listed(after)
      .limit(limit + 1)
      .execute();
    const page = keysetPage(rows, limit, (last) =>
      encodeKeysetCursor(sortName, sort.value ? [sort.of(last), last.key] : [last.key]),
    );
    return { rows: page.rows.map(strip), pagination: page.pagination };
  }
  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  const [count, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    listed(base)
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ]);
  return { rows: rows.map(strip), pagination: pagePagination(page, perPage, Number(count.total)) };
}
