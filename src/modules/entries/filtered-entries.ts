import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { EntryListQuery } from './entries.schema.js';
import { filterValue, searchableFields } from './entry-list-terms.js';
import type { EntryTypeRow } from './entry-rows.js';

const FILTER = /^filter\[([A-Za-z_][A-Za-z0-9_]{0,62})\]$/;

/**
 * The rows one list of a type may show, before order and page: `filter[<field>]` equality by JSON
 * containment, `q` as an infix ILIKE over the type's string fields, the creation range. Under the
 * forced row-level security every storage has, only leakproof comparisons can be index conditions,
 * and neither `@>` nor ILIKE is one: these narrow the rows `entries_type_created_idx` yields
 * (README, "Entries and business domains", Indexes).
 */
export function filteredEntries(scope: TenantScope, type: EntryTypeRow, query: EntryListQuery) {
  const equal: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query as Record<string, unknown>)) {
    const match = FILTER.exec(name);
    if (match) equal[match[1]!] = filterValue(type.schema, match[1]!, String(raw));
  }
  let filtered = scope.db
    .selectFrom('entries')
    .where('tenant_id', '=', scope.tenantId)
    .where('type', '=', type.key);
  if (Object.keys(equal).length > 0)
    filtered = filtered.where(sql<boolean>`data @> ${JSON.stringify(equal)}::jsonb`);
  if (query.q) {
    const fields = searchableFields(type.schema);
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filtered =
      fields.length === 0
        ? filtered.where(sql<boolean>`false`)
        : filtered.where(
            sql<boolean>`(${sql.join(
              fields.map((f) => sql`data ->> ${f}::text ilike ${pattern}`),
              sql` or `,
            )})`,
          );
  }
  if (query.created_from) filtered = filtered.where('created_at', '>=', new Date(query.created_from));
  if (query.created_to) filtered = filtered.where('created_at', '<=', new Date(query.created_to));
  return filtered;
}
