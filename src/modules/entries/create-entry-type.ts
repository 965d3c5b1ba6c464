import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import type { CreateEntryTypeBody } from './entries.schema.js';
import { ENTRY_TYPE_COLUMNS, type EntryTypeRow } from './entry-rows.js';
import { checkEntrySchema } from './entry-schema-compiler.js';
import { checkTypeFeature } from './check-type-feature.js';

/** A tenant-defined entry type; its schema must compile, its key be new in the tenant. */
export async function createEntryType(scope: TenantScope, input: CreateEntryTypeBody): Promise<EntryTypeRow> {
  checkEntrySchema(input.schema);
  checkTypeFeature(input.feature);
  const now = new Date();
  const row = await scope.db
    .insertInto('entry_types')
    .values({
      tenant_id: scope.tenantId,
      key: input.key,
      name: input.name,
      schema: JSON.stringify(input.schema),
      feature: input.feature ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .returning(ENTRY_TYPE_COLUMNS)
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', `An entry type with key "${input.key}" already exists`);
  await recordAudit(scope, {
    action: 'entry_type.create',
    targetType: 'entry_type',
    targetId: row.key,
    after: row,
  });
  return row;
}
