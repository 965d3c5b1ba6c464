import { CompiledQuery } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import type { CreateEntryBody } from './entries.schema.js';
import { FIELD_COLUMNS, fieldRows, WORD_COLUMNS, wordRows } from './entry-index-sql.js';
import { entryIndexSpec } from './entry-index-spec.js';
import type { EntryRow } from './entry-rows.js';
import { getEnabledEntryType } from './get-entry-type.js';
import { validateEntryData } from './validate-entry-data.js';

const statements = new Map<string, string>();

/** The entry and its side rows in one statement (one round trip), its text built once per schema. */
function insertFor(schema: string): string {
  let text = statements.get(schema);
  if (!text) {
    if (statements.size >= 1024) statements.clear();
    const s = quoteIdent(schema);
    text = `with e as (
        insert into ${s}.entries (tenant_id, id, type, data, created_by, created_at, updated_at)
        values ($1, $2, $3, $4::jsonb, $5, $6, $6)
        returning tenant_id, id, type, data, created_by, created_at, updated_at
      ), f as (
        insert into ${s}.entry_fields ${FIELD_COLUMNS}
        ${fieldRows('e', 'unnest($7::text[], $8::boolean[]) as f(field, numeric)')}
      ), w as (
        insert into ${s}.entry_words ${WORD_COLUMNS}
        ${wordRows('e', 'unnest($9::text[]) as f(field)')}
      )
      select * from e`;
    statements.set(schema, text);
  }
  return text;
}

/** A new entry of a type whose feature is on, its data valid against the type's schema. */
export async function createEntry(
  scope: TenantScope,
  tenant: TenantRecord,
  typeKey: string,
  input: CreateEntryBody,
): Promise<EntryRow> {
  const type = await getEnabledEntryType(scope, tenant, typeKey, 'write');
  await validateEntryData(scope, type, input.data);
  const spec = entryIndexSpec(type.schema);
  const result = await scope.db.executeQuery<EntryRow>(
    CompiledQuery.raw(insertFor(scope.schema), [
      scope.tenantId,
      uuidv7(),
      type.key,
      JSON.stringify(input.data),
      requestContext.current()?.actorId ?? null,
      new Date(),
      spec.fields.map((f) => f.name),
      spec.fields.map((f) => f.numeric),
      spec.searchable,
    ]),
  );
  const row = result.rows[0]!;
  // Ids only: the trail outlives entries, and personal data must be erasable with them.
  await recordAudit(scope, { action: 'entry.create', targetType: type.key, targetId: row.id });
  return row;
}
