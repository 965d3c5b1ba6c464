import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { countEntries } from './count-entries.js';
import { forgetValidators } from './entry-schema-compiler.js';
import type { EntryTypeCache } from './entry-type-cache.js';
import { getEntryType } from './get-entry-type.js';

/** Deletes a type that has no entries; one with entries is refused (409) rather than emptied. */
export async function deleteEntryType(scope: TenantScope, key: string, types: EntryTypeCache): Promise<void> {
  const before = await getEntryType(scope, key);
  // The row lock makes a concurrent create of an entry of this type wait for the verdict.
  await scope.db
    .selectFrom('entry_types')
    .select('key')
    .where('tenant_id', '=', scope.tenantId)
    .where('key', '=', before.key)
    .forUpdate()
    .execute();
  const entries = await countEntries(scope, before.key);
  if (entries > 0)
    throw new AppError(
      'CONFLICT',
      `The entry type has ${entries} ${entries === 1 ? 'entry' : 'entries'}: delete them first`,
    );
  await scope.db
    .deleteFrom('entry_types')
    .where('tenant_id', '=', scope.tenantId)
    .where('key', '=', before.key)
    .execute();
  forgetValidators(scope.tenantId, before.key);
  // Now, and again once committed: a list in between may have kept the old row for a moment.
  types.forget(scope.tenantId, before.key);
  scope.afterCommit(async () => types.forget(scope.tenantId, before.key));
  await recordAudit(scope, {
    action: 'entry_type.delete',
    targetType: 'entry_type',
    targetId: before.key,
    before,
  });
}
