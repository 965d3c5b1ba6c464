import { type RawBuilder, sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { instantText } from '../listing/keyset-cursor.js';
import type { EntryListQuery } from './entries.schema.js';
import { TEXT_KEY_CHARS, WORD_CHARS, WORD_SEPARATORS } from './entry-index-sql.js';
import { entryIndexSpec, type EntryIndexSpec } from './entry-index-spec.js';
import { entrySortKey, type EntrySortKey, filterValue, propertyTypes } from './entry-list-terms.js';
import type { EntryRow, EntryTypeRow } from './entry-rows.js';

const FILTER = /^filter\[([A-Za-z_][A-Za-z0-9_]{0,62})\]$/;
const SEPARATORS = new RegExp(WORD_SEPARATORS, 'u');
const MAX_TERMS = 10;

type Field = EntryIndexSpec['fields'][number];
type Schema = Record<string, unknown>;
interface Filter {
  field: Field;
  value: unknown;
  /** The field's schema allows no other JSON type than the value's (and null): `kind` need not be read. */
  sureKind: boolean;
}

/** Where a keyset page starts: after the row with these sort values. */
export interface EntryCursor {
  missing: boolean;
  value: string | number | null;
  /** created_at (or updated_at for that sort) with microseconds, UTC. */
  at: string;
  id: string;
}

/** A listed row with the values its cursor is made of. */
export type ListedEntry = EntryRow & {
  sort_missing: boolean;
  sort_value: string | number | null;
  sort_at: string;
};

const col = (alias: string, column: string) => sql.ref(`${alias}.${column}`);
const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', { details: [{ path, message }] });
const and = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` and `);

/** `q`'s words, split as stored text was (lower-casing happens in SQL, as it did for the text). */
export function searchTerms(q: string): string[] {
  const terms = [...new Set(q.split(SEPARATORS).filter((term) => term !== ''))];
  if (terms.length > MAX_TERMS) throw invalid('q', `at most ${MAX_TERMS} words`);
  return terms;
}

/**
 * Equality of one `entry_fields` row (alias `a`) with a filter value, in leakproof comparisons
 * only; `numeric` and `missing` are named so the partial index holding the row serves it.
 */
function fieldEquals(a: string, { field, value, sureKind }: Filter): RawBuilder<unknown> {
  const mode = field.numeric ? col(a, 'numeric') : sql`not ${col(a, 'numeric')}`;
  const base = sql`${col(a, 'field')} = ${field.name} and ${mode}`;
  if (value === null) return sql`${base} and ${col(a, 'missing')} and ${col(a, 'kind')} = 'null'`;
  const present = sql`${base} and not ${col(a, 'missing')}`;
  if (field.numeric) return sql`${present} and ${col(a, 'number_value')} = ${value}::float8`;
  const kind = (name: string) => (sureKind ? sql`` : sql` and ${col(a, 'kind')} = ${name}::text`);
  if (typeof value === 'string')
    return sql`${present} and ${col(a, 'text_value')} = left(${value}::text, ${TEXT_KEY_CHARS}::int)${kind('string')}`;
  if (typeof value === 'boolean')
    return sql`${present} and ${col(a, 'text_value')} = ${String(value)}::text${kind('boolean')}`;
  // A number in a field that may also hold text: compared as PostgreSQL prints the stored number.
  return sql`${present} and ${col(a, 'text_value')} = (${String(value)}::numeric)::text
    and ${col(a, 'kind')} = 'number'`;
}

/** One list of a type, as SQL: its page (from an offset or after a cursor) and its count. */
export interface EntryListSql {
  key: EntrySortKey;
  /** `d`: the rows of one `entry_fields` field drive the list; `e`: `entries` does. */
  driver: 'd' | 'e';
  page(limit: number, offset: number, after?: EntryCursor): RawBuilder<ListedEntry>;
  count(): RawBuilder<{ total: string }>;
}

/**
 * The rows one list of a type shows, in order. Every condition is a btree-indexable leakproof
 * comparison on the side tables: `filter[<field>]` equality on `entry_fields`, `q` as word
 * prefixes on `entry_words`, `sort=data.<field>` a walk of the field's rows in (missing, value,
 * created_at, id) order. A sort on created_at with a filter walks the filter's rows, which the
 * index keeps in created_at order; otherwise `entries` drives through entries_type_created_idx.
 */
export function entryListSql(scope: TenantScope, type: EntryTypeRow, query: EntryListQuery): EntryListSql {
  const spec = entryIndexSpec(type.schema);
  const key = entrySortKey(type.schema, query.sort);
  const parsed: Filter[] = [];
  for (const [name, raw] of Object.entries(query as Record<string, unknown>)) {
    const match = FILTER.exec(name);
    if (!match) continue;
    const value = filterValue(type.schema, match[1]!, String(raw));
    const field = spec.fields.find((f) => f.name === match[1]);
    if (!field) throw invalid(name, 'this field cannot be filtered on');
    const property = (type.schema.properties as Record<string, unknown>)[field.name];
    const types = typeof property === 'object' && property ? propertyTypes(property as Schema) : [];
    const own = typeof value === 'boolean' ? 'boolean' : 'string';
    const sureKind = types.length > 0 && types.every((t) => t === own || t === 'null');
    parsed.push({ field, value, sureKind });
  }
  const filters = [...parsed];
  const terms = query.q ? searchTerms(query.q) : [];
  const table = (name: string) => sql.id(scope.schema, name);
  const tenant = scope.tenantId;

  const sortField = key.field ? spec.fields.find((f) => f.name === key.field) : undefined;
  if (key.field && !sortField) throw invalid('sort', 'this field cannot be sorted on');
  const driven: RawBuilder<unknown> | null = sortField
    ? sql`d.field = ${sortField.name} and ${sortField.numeric ? sql`d.numeric` : sql`not d.numeric`}`
    : key.column === 'created_at' && filters.length > 0
      ? fieldEquals('d', filters.shift()!)
      : null;
  const driver = driven ? 'd' : 'e';
  const id = driven ? sql`d.entry_id` : sql`e.id`;
  const created = driven ? sql`d.created_at` : sql`e.created_at`;

  const conditions: RawBuilder<unknown>[] = driven
    ? [sql`d.tenant_id = ${tenant}`, sql`d.type = ${type.key}`, driven]
    : [sql`e.tenant_id = ${tenant}`, sql`e.type = ${type.key}`];
  for (const filter of filters)
    conditions.push(sql`exists (select 1 from ${table('entry_fields')} g
      where g.tenant_id = ${tenant} and g.entry_id = ${id} and g.type = ${type.key} and ${fieldEquals('g', filter)})`);
  for (const term of terms)
    conditions.push(sql`exists (select 1 from ${table('entry_words')} w
      where w.tenant_id = ${tenant} and w.entry_id = ${id} and w.type = ${type.key}
        and w.word ^@ (lower(left(${term}::text, ${WORD_CHARS}::int)) collate "C"))`);
  // A `q` of separators alone (`%`, `_`, `-`) names no word, so no entry holds all its words.
  if (query.q && query.q.trim() !== '' && terms.length === 0) conditions.push(sql`false`);
  if (query.created_from) conditions.push(sql`${created} >= ${new Date(query.created_from)}`);
  if (query.created_to) conditions.push(sql`${created} <= ${new Date(query.created_to)}`);
  // Only the first TEXT_KEY_CHARS characters are indexed: a longer value is checked on the entry.
  const long = parsed.filter((f) => typeof f.value === 'string' && f.value.length >= TEXT_KEY_CHARS);
  for (const f of long) conditions.push(sql`e.data ->> ${f.field.name}::text = ${f.value}::text`);
  const needsEntry = long.length > 0;

  const entries = sql`${table('entries')} e`;
  const joined = driven
    ? sql`${table('entry_fields')} d join ${entries} on e.tenant_id = d.tenant_id and e.id = d.entry_id`
    : entries;
  const direction = key.descending ? sql`desc` : sql`asc`;
  const op = key.descending ? sql`<` : sql`>`;
  const value = sortField ? (sortField.numeric ? sql`d.number_value` : sql`d.text_value`) : null;
  const at = key.column === 'updated_at' ? sql`e.updated_at` : created;
  const order = value ? [sql`d.missing`, value, created, id] : [at, id];

  return {
    key,
    driver,
    page(limit, offset, after) {
      const where = [...conditions];
      if (after) {
        const bound = value
          ? sql`(${after.missing}::boolean, ${sortField!.numeric ? sql`${after.value}::float8` : sql`${after.value}::text`}, ${after.at}::timestamptz, ${after.id}::uuid)`
          : sql`(${after.at}::timestamptz, ${after.id}::uuid)`;
        where.push(sql`(${sql.join(order)}) ${op} ${bound}`);
      }
      return sql<ListedEntry>`select e.tenant_id, e.id, e.type, e.data, e.created_by, e.created_at, e.updated_at,
          ${value ? sql`d.missing` : sql`false`} as sort_missing, ${value ?? sql`null`} as sort_value,
          ${instantText(at)} as sort_at
        from ${joined} where ${and(where)}
        order by ${sql.join(order.map((column) => sql`${column} ${direction}`))}
        limit ${limit} offset ${offset}`;
    },
    count() {
      return sql<{ total: string }>`select count(*) as total
        from ${driven && !needsEntry ? sql`${table('entry_fields')} d` : joined} where ${and(conditions)}`;
    },
  };
}
