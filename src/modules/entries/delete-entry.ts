import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { getEntry } from './get-entry.js';
import { getEnabledEntryType } from './get-entry-type.js';

/** Deletes one entry; entries that referred to it keep the id (references are checked on write). */
export async function deleteEntry(
  scope: TenantScope,
  tenant: TenantRecord,
  typeKey: string,
  id: string,
): Promise<void> {
  const type = await getEnabledEntryType(scope, tenant, typeKey);
  const before = await getEntry(scope, type.key, id);
  await scope.db
    .deleteFrom('entries')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', before.id)
    .execute();
  await recordAudit(scope, { action: 'entry.delete', targetType: type.key, targetId: before.id });
}
