import { AppError } from '../../errors.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { featureEnabled } from '../../tenancy/tiers.js';
import { ENTRY_TYPE_COLUMNS, type EntryTypeRow } from './entry-rows.js';
import type { EntryTypeCache } from './entry-type-cache.js';

/** Same answer for another tenant's key as for a key nobody made; the key itself is not echoed. */
const noSuchType = () => new AppError('NOT_FOUND', 'No such entry type');

/**
 * How a type is read: `read` plainly; `write` locks the row (KEY SHARE) for the transaction, so
 * an entry is validated and indexed against the schema a concurrent schema change (which takes the
 * row FOR UPDATE) either waits for or has already committed; `cached` may answer from the app
 * instance's copy of the last 2 s (entry-type-cache.ts), for a list, or for a create whose INSERT
 * re-checks the version it was validated against.
 */
export type TypeRead = { intent: 'read' | 'write' } | { intent: 'cached'; cache: EntryTypeCache };

/** One entry type of the scope's tenant, or NOT_FOUND. */
export async function getEntryType(
  scope: TenantScope,
  key: string,
  read: TypeRead = { intent: 'read' },
): Promise<EntryTypeRow> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(key)) throw noSuchType();
  if (read.intent === 'cached') {
    const cached = read.cache.get(scope.tenantId, key);
    if (cached) return cached;
  }
  const query = scope.db
    .selectFrom('entry_types')
    .select(ENTRY_TYPE_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('key', '=', key);
  const row = await (read.intent === 'write' ? query.forKeyShare() : query).executeTakeFirst();
  if (!row) throw noSuchType();
  if (read.intent === 'cached') read.cache.remember(row);
  return row;
}

/** A type whose `feature` is off for the tenant answers 403 FEATURE_DISABLED on its entries. */
export function assertTypeEnabled(tenant: TenantRecord, type: EntryTypeRow): void {
  if (
    type.feature &&
    !featureEnabled(tenant.tier, tenant.business_domain, tenant.feature_overrides, type.feature)
  )
    throw new AppError('FEATURE_DISABLED', `The ${type.feature} feature is not enabled for this tenant`);
}

/** The type of an entries route: it exists in the tenant and its feature is on. */
export async function getEnabledEntryType(
  scope: TenantScope,
  tenant: TenantRecord,
  key: string,
  read: TypeRead = { intent: 'read' },
): Promise<EntryTypeRow> {
  const type = await getEntryType(scope, key, read);
  assertTypeEnabled(tenant, type);
  return type;
}
