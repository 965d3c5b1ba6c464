import { isDeepStrictEqual } from 'node:util';
import { CompiledQuery, sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import type { UpdateEntryTypeBody } from './entries.schema.js';
import { ENTRY_TYPE_COLUMNS, type EntryTypeRow } from './entry-rows.js';
import { checkEntrySchema, compileUncached, forgetValidators } from './entry-schema-compiler.js';
import { checkTypeFeature } from './check-type-feature.js';
import type { EntryTypeCache } from './entry-type-cache.js';
import { getEntryType } from './get-entry-type.js';
import { entryIndexSpec } from './entry-index-spec.js';
import { rebuildEntryIndex } from './rebuild-entry-index.js';
import { addedProperties } from './added-properties.js';

const BATCH = 2000;

/**
 * How many of the type's entries `schema` refuses, read in keyset batches to bound memory; with
 * `holding`, only the entries holding one of those top-level keys (the others are known to pass).
 */
async function countFailing(
  scope: TenantScope,
  type: string,
  schema: Record<string, unknown>,
  holding?: string[],
): Promise<number> {
  const validate = compileUncached(schema);
  let failing = 0;
  let after: string | undefined;
  for (;;) {
    let query = scope.db
      .selectFrom('entries')
      .select(['id', 'data'])
      .where('tenant_id', '=', scope.tenantId)
      .where('type', '=', type)
      .orderBy('id')
      .limit(BATCH);
    if (after) query = query.where('id', '>', after);
    if (holding) query = query.where(sql<boolean>`data ?| ${holding}::text[]`);
    const rows = await query.execute();
    for (const row of rows) if (!validate(row.data)) failing += 1;
    if (rows.length < BATCH) return failing;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Renames a type, changes its feature or its schema. A schema that existing entries do not
 * satisfy is refused with 409 naming how many fail it; the type row is locked meanwhile, so no
 * entry of the type is written between the check and the change, which is why only the entries
 * that can fail are read (none for a rename). The entries' side rows follow the new schema's
 * fields in the same transaction.
 */
export async function updateEntryType(
  scope: TenantScope,
  key: string,
  input: UpdateEntryTypeBody,
  types: EntryTypeCache,
): Promise<EntryTypeRow> {
  if (input.schema) checkEntrySchema(input.schema);
  checkTypeFeature(input.feature);
  const found = await getEntryType(scope, key);
  const before = await scope.db
    .selectFrom('entry_types')
    .select(ENTRY_TYPE_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('key', '=', found.key)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // Key order alone (the console's field order) changes neither validity nor side rows.
  const schemaChanged = input.schema !== undefined && !isDeepStrictEqual(input.schema, before.schema);
  if (input.schema && schemaChanged) {
    // Only added properties: no entry without those keys can fail (added-properties.ts).
    const added = addedProperties(before.schema, input.schema);
    const failing = await countFailing(scope, before.key, input.schema, added);
    if (failing > 0)
      throw new AppError(
        'CONFLICT',
        `${failing} existing ${failing === 1 ? 'entry does' : 'entries do'} not satisfy the new schema`,
        {
          details: [
            { path: 'schema', message: `${failing} ${failing === 1 ? 'entry fails' : 'entries fail'} it` },
          ],
        },
      );
  }
  const after = await scope.db
    .updateTable('entry_types')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.schema !== undefined ? { schema: JSON.stringify(input.schema) } : {}),
      ...(input.feature !== undefined ? { feature: input.feature } : {}),
      updated_at: new Date(Math.max(Date.now(), before.updated_at.getTime() + 1)),
    })
    .where('tenant_id', '=', scope.tenantId)
    .where('key', '=', before.key)
    .returning(ENTRY_TYPE_COLUMNS)
    .executeTakeFirstOrThrow();
  if (schemaChanged) {
    // Set-based statements over all the type's entries: a type of 100,000 may need more than a
    // request's 30 s on a busy server, and failing there would refuse a valid change (as imports do).
    await scope.db.executeQuery(CompiledQuery.raw(`set local statement_timeout = '300s'`, []));
    await rebuildEntryIndex(scope, before.key, entryIndexSpec(after.schema), entryIndexSpec(before.schema));
  }
  forgetValidators(scope.tenantId, before.key);
  // Now, and again once committed: a list in between may have kept the old row for a moment.
  types.forget(scope.tenantId, before.key);
  scope.afterCommit(async () => types.forget(scope.tenantId, before.key));
  await recordAudit(scope, {
    action: 'entry_type.update',
    targetType: 'entry_type',
    targetId: before.key,
    before,
    after,
  });
  return after;
}
