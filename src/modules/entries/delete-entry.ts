import { CompiledQuery } from 'kysely';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { getEntry } from './get-entry.js';
import { getEnabledEntryType } from './get-entry-type.js';

// No foreign key ties the side rows to their entry (its check per row would cost every create as
// much as the rest of it): they go in the same statement as the entry.
const deleteFor = (s: string) => `
  with e as (delete from ${s}.entries where tenant_id = $1 and id = $2 returning id),
  f as (delete from ${s}.entry_fields where tenant_id = $1 and entry_id in (select id from e)),
  w as (delete from ${s}.entry_words where tenant_id = $1 and entry_id in (select id from e))
  select id from e`;

/** Deletes one entry; entries that referred to it keep the id (references are checked on write). */
export async function deleteEntry(
  scope: TenantScope,
  tenant: TenantRecord,
  typeKey: string,
  id: string,
): Promise<void> {
  const type = await getEnabledEntryType(scope, tenant, typeKey, { intent: 'write' });
  const before = await getEntry(scope, type.key, id);
  await scope.db.executeQuery(
    CompiledQuery.raw(deleteFor(quoteIdent(scope.schema)), [scope.tenantId, before.id]),
  );
  await recordAudit(scope, { action: 'entry.delete', targetType: type.key, targetId: before.id });
}
