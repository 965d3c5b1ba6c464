import { CompiledQuery } from 'kysely';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { FIELD_COLUMNS, fieldRows, WORD_COLUMNS, wordRows } from './entry-index-sql.js';
import { entryIndexSpec, type EntryIndexSpec } from './entry-index-spec.js';

/**
 * Brings the side rows of one type's entries from `from` (what they were built for; undefined:
 * unknown, rebuild all) to `to`, in the scope's transaction. Only fields that came, went or
 * changed sort mode are touched, and only the words of entries holding a searched field that
 * came or went.
 */
export async function rebuildEntryIndex(
  scope: TenantScope,
  type: string,
  to: EntryIndexSpec,
  from?: EntryIndexSpec,
): Promise<void> {
  const s = quoteIdent(scope.schema);
  const run = (text: string, values: unknown[]) =>
    scope.db.executeQuery(CompiledQuery.raw(text, [scope.tenantId, type, ...values]));
  const key = (f: { name: string; numeric: boolean }) => `${f.name}:${f.numeric}`;
  const kept = new Set((from?.fields ?? []).map(key));
  const wanted = new Set(to.fields.map(key));
  if (from) {
    for (const numeric of [true, false]) {
      const gone = from.fields.filter((f) => f.numeric === numeric && !wanted.has(key(f))).map((f) => f.name);
      // `numeric` named so the partial index that holds these rows finds them.
      if (gone.length > 0)
        await run(
          `delete from ${s}.entry_fields where tenant_id = $1 and type = $2 and ${numeric ? '' : 'not '}numeric
              and field = any($3::text[])`,
          [gone],
        );
    }
  } else {
    await run(`delete from ${s}.entry_fields where tenant_id = $1 and type = $2`, []);
  }
  const added = to.fields.filter((f) => !kept.has(key(f)));
  if (added.length > 0)
    await run(
      `insert into ${s}.entry_fields ${FIELD_COLUMNS}
       ${fieldRows(
         `(select * from ${s}.entries where tenant_id = $1 and type = $2) e`,
         'unnest($3::text[], $4::boolean[]) as f(field, numeric)',
       )}`,
      [added.map((f) => f.name), added.map((f) => f.numeric)],
    );
  if (!from) {
    await run(`delete from ${s}.entry_words where tenant_id = $1 and type = $2`, []);
    if (to.searchable.length > 0)
      await run(
        `insert into ${s}.entry_words ${WORD_COLUMNS}
         ${wordRows(`(select * from ${s}.entries where tenant_id = $1 and type = $2) e`, 'unnest($3::text[]) as f(field)')}`,
        [to.searchable],
      );
    return;
  }
  // Words do not say which field they came from, but an entry holding none of the fields that
  // came or went keeps exactly the words it had: only the entries holding one are touched.
  const removedWords = from.searchable.filter((f) => !to.searchable.includes(f));
  const addedWords = to.searchable.filter((f) => !from.searchable.includes(f));
  const holding = (fields: string) =>
    `(select * from ${s}.entries where tenant_id = $1 and type = $2 and data ?| ${fields}) e`;
  if (removedWords.length > 0) {
    await run(
      `delete from ${s}.entry_words w using ${s}.entries e
        where w.tenant_id = $1 and w.type = $2 and e.tenant_id = $1 and e.type = $2
          and w.entry_id = e.id and e.data ?| $3::text[]`,
      [removedWords],
    );
    if (to.searchable.length > 0)
      await run(
        `insert into ${s}.entry_words ${WORD_COLUMNS}
         ${wordRows(holding('$3::text[]'), 'unnest($4::text[]) as f(field)')}`,
        [removedWords, to.searchable],
      );
  }
  // A word an entry already has from another field is there once.
  if (addedWords.length > 0)
    await run(
      `insert into ${s}.entry_words ${WORD_COLUMNS}
       ${wordRows(holding('$3::text[]'), 'unnest($3::text[]) as f(field)')}
       on conflict do nothing`,
      [addedWords],
    );
}

/** Every type's side rows rebuilt from its entries (after an import). */
export async function rebuildAllEntryIndexes(scope: TenantScope): Promise<void> {
  // One statement per type and table over all its entries: an import's, not a request's, budget.
  await scope.db.executeQuery(CompiledQuery.raw(`set local statement_timeout = '300s'`, []));
  const types = await scope.db
    .selectFrom('entry_types')
    .select(['key', 'schema'])
    .where('tenant_id', '=', scope.tenantId)
    .execute();
  for (const type of types) await rebuildEntryIndex(scope, type.key, entryIndexSpec(type.schema));
}
