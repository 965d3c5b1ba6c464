import { CompiledQuery } from 'kysely';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import type { UpdateEntryBody } from './entries.schema.js';
import { FIELD_COLUMNS, fieldRows, WORD_COLUMNS, wordRows } from './entry-index-sql.js';
import { entryIndexSpec } from './entry-index-spec.js';
import type { EntryRow } from './entry-rows.js';
import { getEntry } from './get-entry.js';
import { getEnabledEntryType } from './get-entry-type.js';
import { mergePatch } from './merge-patch.js';
import { validateEntryData } from './validate-entry-data.js';

const statements = new Map<string, string>();

/**
 * The entry's new data and its side rows in one statement: field rows upserted, words no longer
 * there deleted and new ones added (the sub-statements share one snapshot, so none sees another's).
 */
function updateFor(schema: string): string {
  let text = statements.get(schema);
  if (!text) {
    if (statements.size >= 1024) statements.clear();
    const s = quoteIdent(schema);
    text = `with e as (
        update ${s}.entries set data = $3::jsonb, updated_at = $4
         where tenant_id = $1 and id = $2
        returning tenant_id, id, type, data, created_by, created_at, updated_at
      ), f as (
        insert into ${s}.entry_fields ${FIELD_COLUMNS}
        ${fieldRows('e', 'unnest($5::text[], $6::boolean[]) as f(field, numeric)')}
        on conflict (tenant_id, entry_id, field) do update
          set numeric = excluded.numeric, kind = excluded.kind, missing = excluded.missing,
              text_value = excluded.text_value, number_value = excluded.number_value
      ), words as (
        ${wordRows('e', 'unnest($7::text[]) as f(field)')}
      ), gone as (
        delete from ${s}.entry_words x
         where x.tenant_id = $1 and x.entry_id = $2 and x.word not in (select word from words)
      ), added as (
        insert into ${s}.entry_words ${WORD_COLUMNS} select * from words on conflict do nothing
      )
      select * from e`;
    statements.set(schema, text);
  }
  return text;
}

/** Applies a JSON merge patch to the entry's data and validates the whole result. */
export async function updateEntry(
  scope: TenantScope,
  tenant: TenantRecord,
  typeKey: string,
  id: string,
  input: UpdateEntryBody,
): Promise<EntryRow> {
  const type = await getEnabledEntryType(scope, tenant, typeKey, { intent: 'write' });
  const before = await getEntry(scope, type.key, id);
  const data = mergePatch(before.data, input.data) as Record<string, unknown>;
  await validateEntryData(scope, type, data);
  const spec = entryIndexSpec(type.schema);
  const result = await scope.db.executeQuery<EntryRow>(
    CompiledQuery.raw(updateFor(scope.schema), [
      scope.tenantId,
      before.id,
      JSON.stringify(data),
      new Date(),
      spec.fields.map((f) => f.name),
      spec.fields.map((f) => f.numeric),
      spec.searchable,
    ]),
  );
  await recordAudit(scope, { action: 'entry.update', targetType: type.key, targetId: before.id });
  return result.rows[0]!;
}
