import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import type { UpdateEntryTypeBody } from './entries.schema.js';
import { ENTRY_TYPE_COLUMNS, type EntryTypeRow } from './entry-rows.js';
import { checkEntrySchema, compileUncached, forgetValidators } from './entry-schema-compiler.js';
import { checkTypeFeature } from './check-type-feature.js';
import { forgetEntryType, getEntryType } from './get-entry-type.js';
import { entryIndexSpec } from './entry-index-spec.js';
import { rebuildEntryIndex } from './rebuild-entry-index.js';

const BATCH = 2000;

/** How many of the type's entries `schema` refuses, read in keyset batches to bound memory. */
async function countFailing(
  scope: TenantScope,
  type: string,
  schema: Record<string, unknown>,
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
    const rows = await query.execute();
    for (const row of rows) if (!validate(row.data)) failing += 1;
    if (rows.length < BATCH) return failing;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Renames a type, changes its feature or its schema. A schema that existing entries do not
 * satisfy is refused with 409 naming how many fail it; the type row is locked meanwhile, so no
 * entry of the type is written between the check and the change. The entries' side rows follow
 * the new schema's fields in the same transaction.
 */
export async function updateEntryType(
  scope: TenantScope,
  key: string,
  input: UpdateEntryTypeBody,
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
  if (input.schema && JSON.stringify(input.schema) !== JSON.stringify(before.schema)) {
    const failing = await countFailing(scope, before.key, input.schema);
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
  if (input.schema)
    await rebuildEntryIndex(scope, before.key, entryIndexSpec(after.schema), entryIndexSpec(before.schema));
  forgetValidators(scope.tenantId, before.key);
  // Now, and again once committed: a list in between may have kept the old row for a moment.
  forgetEntryType(scope.tenantId, before.key);
  scope.afterCommit(async () => forgetEntryType(scope.tenantId, before.key));
  await recordAudit(scope, {
    action: 'entry_type.update',
    targetType: 'entry_type',
    targetId: before.key,
    before,
    after,
  });
  return after;
}
