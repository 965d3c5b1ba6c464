import { AppError } from '../../errors.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type Page, pagePagination } from '../listing/paginate.js';
import type { EntryListQuery } from './entries.schema.js';
import { type EntryCursor, entryListSql, type ListedEntry } from './entry-list-query.js';
import type { EntrySortKey } from './entry-list-terms.js';
import type { EntryRow } from './entry-rows.js';
import type { EntryTypeCache } from './entry-type-cache.js';
import { getEnabledEntryType } from './get-entry-type.js';
import { cursorLimit } from '../listing/keyset-cursor.js';

const badCursor = () =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', {
    details: [{ path: 'cursor', message: 'not a cursor this list produced' }],
  });

function encodeCursor(key: EntrySortKey, row: ListedEntry): string {
  const cursor = { s: key.sort, m: row.sort_missing, v: row.sort_value, at: row.sort_at, id: row.id };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(cursor: string, key: EntrySortKey): EntryCursor {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw badCursor();
  }
  if (parsed === null || typeof parsed !== 'object' || parsed.s !== key.sort) throw badCursor();
  const { m, v, at, id } = parsed;
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id) || typeof m !== 'boolean') throw badCursor();
  if (typeof at !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(at)) throw badCursor();
  if (key.field === null ? v !== null : key.numeric ? !Number.isFinite(v) : typeof v !== 'string')
    throw badCursor();
  if (typeof v === 'string' && v.length > 1000) throw badCursor();
  return { missing: m, value: v as EntryCursor['value'], at, id };
}

/**
 * A page of one type's entries: `filter[<field>]`, `q` and `sort=data.<field>` read the side
 * tables' indexes (entry-list-query.ts). Cursor pages are keyset pages on the sort's columns
 * ending in (created_at, id), so inserts never make them skip or repeat an entry.
 */
export async function findEntries(
  scope: TenantScope,
  tenant: TenantRecord,
  typeKey: string,
  query: EntryListQuery,
  types: EntryTypeCache,
): Promise<Page<EntryRow>> {
  const type = await getEnabledEntryType(scope, tenant, typeKey, { intent: 'cached', cache: types });
  if (query.cursor !== undefined && query.page !== undefined)
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ path: 'cursor', message: 'use either page or cursor, not both' }],
    });
  const list = entryListSql(scope, type, query);

  if (query.cursor !== undefined || (query.limit !== undefined && query.page === undefined)) {
    const limit = cursorLimit(query);
    const after = query.cursor ? decodeCursor(query.cursor, list.key) : undefined;
    const { rows } = await list.page(limit + 1, 0, after).execute(scope.db);
    const hasNext = rows.length > limit;
    const pageRows = rows.slice(0, limit);
    const last = pageRows[pageRows.length - 1];
    return {
      rows: pageRows,
      pagination: {
        cursor: hasNext && last ? encodeCursor(list.key, last) : null,
        limit,
        has_next: hasNext,
      },
    };
  }
  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  const [count, rows] = await Promise.all([
    list.count().execute(scope.db),
    list.page(perPage, (page - 1) * perPage).execute(scope.db),
  ]);
  return { rows: rows.rows, pagination: pagePagination(page, perPage, Number(count.rows[0]!.total)) };
}
