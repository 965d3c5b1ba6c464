import { quoteIdent } from '../../db/sql-identifier.js';
import { preparedName } from '../../tenancy/prepared-name.js';
import { textPerSchema } from '../../tenancy/text-per-schema.js';
import { FIELD_COLUMNS, fieldRows, WORD_COLUMNS, wordRows } from './entry-index-sql.js';

/**
 * The guard's way of failing the statement: the entry's `type` is NULL unless the type row still
 * has the version the data was validated against and every referenced entry is there, so the
 * NOT NULL constraint refuses the row and the whole transaction, COMMIT included, rolls back.
 */
export function refusedByGuard(error: unknown): boolean {
  const e = error as { code?: string; table?: string; column?: string };
  return e?.code === '23502' && e.table === 'entries' && e.column === 'type';
}

/**
 * The entry, its side rows and the checks it was validated under, in one statement sent with the
 * COMMIT. `type_row` and `refs` take KEY SHARE, as a foreign key check would: a schema change or
 * a delete of a referenced entry that holds its row waits, and once it commits PostgreSQL re-reads
 * the row and the condition fails; one that comes later waits for this COMMIT and then sees the
 * entry. Parameters: $1 tenant, $2 id, $3 type, $4 data, $5 created_by, $6 created_at, $7 the
 * type's updated_at (milliseconds, as Node read it), $8/$9 field names/numeric, $10 searched fields,
 * $11/$12 referenced types/ids (distinct pairs).
 */
function insertText(schema: string, withRefs: boolean): string {
  const s = quoteIdent(schema);
  const refs = withRefs
    ? `, refs as (
        select from unnest($11::text[], $12::uuid[]) r(type, id)
          join ${s}.entries x on x.tenant_id = $1 and x.id = r.id and x.type = r.type
        for key share of x
      )`
    : '';
  const refsFound = withRefs ? ` and (select count(*) from refs) = cardinality($11::text[])` : '';
  return `with type_row as (
        select from ${s}.entry_types
         where tenant_id = $1 and key = $3 and date_trunc('milliseconds', updated_at) = $7::timestamptz
        for key share
      )${refs}, e as (
        insert into ${s}.entries (tenant_id, id, type, data, created_by, created_at, updated_at)
        select $1::text, $2::uuid, case when exists (select from type_row)${refsFound} then $3::text end,
               $4::jsonb, $5::text, $6::timestamptz, $6::timestamptz
        returning tenant_id, id, type, data, created_at
      ), f as (
        insert into ${s}.entry_fields ${FIELD_COLUMNS}
        ${fieldRows('e', 'unnest($8::text[], $9::boolean[]) as f(field, numeric)')}
      ), w as (
        insert into ${s}.entry_words ${WORD_COLUMNS}
        ${wordRows('e', 'unnest($10::text[]) as f(field)')}
      )
      select count(*) from e`;
}

/** The statement's text and its prepared name: sent on every create, it is planned once per connection. */
function insertStatement(schema: string, withRefs: boolean): { text: string; name: string } {
  const text = insertText(schema, withRefs);
  return { text, name: preparedName('entry_insert', text) };
}

export const guardedInsertFor = textPerSchema((schema) => insertStatement(schema, false));
export const guardedInsertWithRefsFor = textPerSchema((schema) => insertStatement(schema, true));
