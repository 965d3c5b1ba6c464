import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import type { UpdateEntryBody } from './entries.schema.js';
import { ENTRY_COLUMNS, type EntryRow } from './entry-rows.js';
import { getEntry } from './get-entry.js';
import { getEnabledEntryType } from './get-entry-type.js';
import { mergePatch } from './merge-patch.js';
import { validateEntryData } from './validate-entry-data.js';

/** Applies a JSON merge patch to the entry's data and validates the whole result. */
export async function updateEntry(
  scope: TenantScope,
  tenant: TenantRecord,
  typeKey: string,
  id: string,
  input: UpdateEntryBody,
): Promise<EntryRow> {
  const type = await getEnabledEntryType(scope, tenant, typeKey);
  const before = await getEntry(scope, type.key, id);
  const data = mergePatch(before.data, input.data) as Record<string, unknown>;
  await validateEntryData(scope, type, data);
  const after = await scope.db
    .updateTable('entries')
    .set({ data: JSON.stringify(data), updated_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', before.id)
    .returning(ENTRY_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordAudit(scope, { action: 'entry.update', targetType: type.key, targetId: before.id });
  return after;
}
