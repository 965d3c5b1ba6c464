import { v7 as uuidv7 } from 'uuid';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import type { CreateEntryBody } from './entries.schema.js';
import { ENTRY_COLUMNS, type EntryRow } from './entry-rows.js';
import { getEnabledEntryType } from './get-entry-type.js';
import { validateEntryData } from './validate-entry-data.js';

/** A new entry of a type whose feature is on, its data valid against the type's schema. */
export async function createEntry(
  scope: TenantScope,
  tenant: TenantRecord,
  typeKey: string,
  input: CreateEntryBody,
): Promise<EntryRow> {
  const type = await getEnabledEntryType(scope, tenant, typeKey);
  await validateEntryData(scope, type, input.data);
  const now = new Date();
  const row = await scope.db
    .insertInto('entries')
    .values({
      tenant_id: scope.tenantId,
      id: uuidv7(),
      type: type.key,
      data: JSON.stringify(input.data),
      created_by: requestContext.current()?.actorId ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning(ENTRY_COLUMNS)
    .executeTakeFirstOrThrow();
  // Ids only: the trail outlives entries, and personal data must be erasable with them.
  await recordAudit(scope, { action: 'entry.create', targetType: type.key, targetId: row.id });
  return row;
}
