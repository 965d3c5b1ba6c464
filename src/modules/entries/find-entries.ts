import { sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type Page, pagePagination } from '../listing/paginate.js';
import type { EntryListQuery } from './entries.schema.js';
import { ENTRY_COLUMNS, type EntryRow } from './entry-rows.js';
import { filteredEntries } from './filtered-entries.js';
import { entrySortKey, type EntrySortKey, fieldMissing, fieldValue } from './entry-list-terms.js';
import { getEnabledEntryType } from './get-entry-type.js';

const badCursor = () =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', {
    details: [{ path: 'cursor', message: 'not a cursor this list produced' }],
  });

interface Cursor {
  missing: boolean;
  value: string | number;
  id: string;
}

function encodeCursor(
  key: EntrySortKey,
  row: EntryRow & { sort_missing?: boolean; sort_value?: unknown },
): string {
  const value = key.column ? row[key.column].toISOString() : row.sort_value;
  return Buffer.from(
    JSON.stringify({
      s: key.sort,
      m: row.sort_missing ?? false,
      v: key.numeric ? String(value) : value,
      id: row.id,
    }),
  ).toString('base64url');
}

function decodeCursor(cursor: string, key: EntrySortKey): Cursor {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw badCursor();
  }
  if (parsed === null || typeof parsed !== 'object' || parsed.s !== key.sort) throw badCursor();
  if (typeof parsed.id !== 'string' || !/^[0-9a-f-]{36}$/.test(parsed.id) || typeof parsed.m !== 'boolean')
    throw badCursor();
  if (typeof parsed.v !== 'string' || parsed.v.length > 2000) throw badCursor();
  if (key.column && Number.isNaN(Date.parse(parsed.v))) throw badCursor();
  if (key.numeric && !/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(parsed.v)) throw badCursor();
  return { missing: parsed.m, value: parsed.v, id: parsed.id };
}

/**
 * A page of one type's entries: `filter[<field>]` equality by JSON containment (served by the GIN
 * index), `q` over the type's string fields, sorts on timestamps or data fields. Cursor pages are
 * keyset pages on (sort value, id), so inserts never make them skip or repeat an entry.
 */
export async function findEntries(
  scope: TenantScope,
  tenant: TenantRecord,
  typeKey: string,
  query: EntryListQuery,
): Promise<Page<EntryRow>> {
  const type = await getEnabledEntryType(scope, tenant, typeKey);
  if (query.cursor !== undefined && query.page !== undefined)
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ path: 'cursor', message: 'use either page or cursor, not both' }],
    });
  const key = entrySortKey(type.schema, query.sort);
  const filtered = filteredEntries(scope, type, query);

  const direction = key.descending ? sql`desc` : sql`asc`;
  const selected = key.column
    ? filtered.select(ENTRY_COLUMNS)
    : filtered
        .select(ENTRY_COLUMNS)
        .select([fieldMissing(key).as('sort_missing'), fieldValue(key).as('sort_value')]);
  const ordered = key.column
    ? selected.orderBy(sql`${sql.ref(key.column)} ${direction}`).orderBy(sql`id ${direction}`)
    : selected
        .orderBy(sql`${fieldMissing(key)} ${direction}`)
        .orderBy(sql`${fieldValue(key)} ${direction}`)
        .orderBy(sql`id ${direction}`);

  if (query.cursor !== undefined || (query.limit !== undefined && query.page === undefined)) {
    const limit = query.limit ?? query.per_page ?? 20;
    let paged = ordered;
    if (query.cursor) {
      const after = decodeCursor(query.cursor, key);
      const op = key.descending ? sql`<` : sql`>`;
      paged = key.column
        ? paged.where(
            sql<boolean>`(${sql.ref(key.column)}, id) ${op} (${new Date(after.value)}, ${after.id}::uuid)`,
          )
        : paged.where(
            sql<boolean>`(${fieldMissing(key)}, ${fieldValue(key)}, id) ${op} (${after.missing}, ${
              key.numeric ? sql`${after.value}::numeric` : sql`${after.value}::text`
            }, ${after.id}::uuid)`,
          );
    }
    const rows = (await paged.limit(limit + 1).execute()) as Array<
      EntryRow & { sort_missing?: boolean; sort_value?: unknown }
    >;
    const hasNext = rows.length > limit;
    const pageRows = rows.slice(0, limit);
    const last = pageRows[pageRows.length - 1];
    return {
      rows: pageRows,
      pagination: { cursor: hasNext && last ? encodeCursor(key, last) : null, limit, has_next: hasNext },
    };
  }
  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  const [count, rows] = await Promise.all([
    filtered.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    ordered
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ]);
  return { rows, pagination: pagePagination(page, perPage, Number(count.total)) };
}
