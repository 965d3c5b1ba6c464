import { quoteLiteral } from '../../db/sql-identifier.js';

/**
 * The SQL that derives `entry_fields` and `entry_words` rows from entries, shared by every writer
 * (create, update, a schema change's rebuild, an import, the migration's backfill) so the rows
 * are the same whoever wrote them. Every comparison a list makes on these columns is a plain
 * leakproof btree comparison, which PostgreSQL may use as an index condition under the forced
 * row-level security; `->>`, `@>` and ILIKE on `entries.data` are not (README, Entries, Indexes).
 */

/** Characters of a text field kept in `text_value`: a btree entry must stay under ~2.7 kB. */
export const TEXT_KEY_CHARS = 200;
/** Characters kept of one word; a longer search term is compared on as many. */
export const WORD_CHARS = 64;
/** Characters of each searched field split into words (so one huge note costs bounded rows). */
export const SEARCHED_CHARS = 4000;

/**
 * What separates words: ASCII controls, spaces and punctuation, Latin-1 punctuation, the general
 * punctuation block (Unicode spaces, dashes, quotes) and CJK punctuation. PostgreSQL's regular
 * expressions and JavaScript's (with the `u` flag) read this class alike, so a search term is
 * split as the stored text was.
 */
export const WORD_SEPARATORS =
  '[\\x01-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f\\u00a0-\\u00bf\\u2000-\\u206f\\u3000-\\u303f\\ufeff]+';

export const FIELD_COLUMNS =
  '(tenant_id, entry_id, field, type, numeric, kind, missing, text_value, number_value, created_at)';
export const WORD_COLUMNS = '(tenant_id, entry_id, word, type)';

/**
 * `entry_fields` rows of the entries `entries` (alias e) for the fields `fields` (alias f, columns
 * field and numeric). A missing field or JSON null is `missing` (sorted last ascending) with an empty
 * text and 0; numbers are kept as double precision (numeric comparisons are not leakproof), clamped
 * to its range.
 */
export function fieldRows(entries: string, fields: string): string {
  return `select e.tenant_id, e.id, f.field, e.type, f.numeric,
         coalesce(jsonb_typeof(v.value), 'missing'), e.data ->> f.field is null,
         left(coalesce(e.data ->> f.field, ''), ${TEXT_KEY_CHARS}),
         case when jsonb_typeof(v.value) = 'number' then
           (case when abs(v.value::numeric) < 1e-300 then 0
                 else greatest(-1e308, least(1e308, v.value::numeric)) end)::float8
           else 0 end,
         e.created_at
    from ${entries} cross join ${fields}
    cross join lateral (select e.data -> f.field as value) v`;
}

/** Distinct lower-cased words (first WORD_CHARS characters) of the fields `fields` (alias f) of `entries`. */
export function wordRows(entries: string, fields: string): string {
  return `select distinct e.tenant_id, e.id as entry_id, left(w.word, ${WORD_CHARS}) as word, e.type
    from ${entries} cross join ${fields}
    cross join lateral regexp_split_to_table(
      lower(left(e.data ->> f.field, ${SEARCHED_CHARS})), ${quoteLiteral(WORD_SEPARATORS)}) as w(word)
    where w.word <> ''`;
}

/**
 * Every type's index spec read from its schema in SQL, the way entry-index-spec.ts reads it in
 * TypeScript: columns tenant_id, type, field, numeric (sorted as a number), listable, searchable.
 */
export function indexSpecSql(s: string): string {
  return `
    with props as (
      select t.tenant_id, t.key as type, p.key as field, p.value as prop
        from ${s}.entry_types t
        cross join lateral json_each(case when json_typeof(t.schema -> 'properties') = 'object'
                                          then t.schema -> 'properties' else '{}'::json end) p
    ), typed as (
      select tenant_id, type, field, json_typeof(prop) = 'object' as is_object, array(
        select distinct x from (
          select prop ->> 'type' where json_typeof(prop -> 'type') = 'string'
          union all
          select y #>> '{}'
            from json_array_elements(case when json_typeof(prop -> 'type') = 'array'
                                          then prop -> 'type' else '[]'::json end) y
           where json_typeof(y) = 'string'
          union all
          select case when json_typeof(y) = 'number' and (y::text)::numeric % 1 = 0 then 'integer'
                      else json_typeof(y) end
            from json_array_elements(case
                   when json_typeof(prop -> 'type') in ('string', 'array') then '[]'::json
                   when json_typeof(prop -> 'enum') = 'array' then prop -> 'enum'
                   when json_typeof(prop) = 'object' and exists (
                     select from json_object_keys(prop) k where k = 'const') then json_build_array(prop -> 'const')
                   else '[]'::json end) y
        ) found(x) where x is not null) as types
      from props
    )
    select tenant_id, type, field,
           cardinality(types) > 0 and types <@ array['number', 'integer', 'null'] as numeric,
           field ~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' and not (types && array['object', 'array']) as listable,
           is_object and 'string' = any(types) as searchable
      from typed`;
}

/**
 * Fills both side tables of every entry in storage `s` from scratch (the migration that adds them;
 * run by the owner with row security lifted for the statement's tables, see entries.tables.ts).
 */
export function backfillSql(s: string): string {
  const spec = (where: string) =>
    `lateral (select sp.field, sp.numeric from spec sp
               where sp.tenant_id = e.tenant_id and sp.type = e.type and sp.${where}) f`;
  return `
    insert into ${s}.entry_fields ${FIELD_COLUMNS}
      with spec as (${indexSpecSql(s)}) ${fieldRows(`${s}.entries e`, spec('listable'))};
    insert into ${s}.entry_words ${WORD_COLUMNS}
      with spec as (${indexSpecSql(s)}) ${wordRows(`${s}.entries e`, spec('searchable'))};`;
}
