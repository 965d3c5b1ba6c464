import { AppError } from '../../errors.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { featureEnabled } from '../../tenancy/tiers.js';
import { ENTRY_TYPE_COLUMNS, type EntryTypeRow } from './entry-rows.js';

/** Same answer for another tenant's key as for a key nobody made; the key itself is not echoed. */
const noSuchType = () => new AppError('NOT_FOUND', 'No such entry type');

/** Types lists read lately, by tenant and key: a list then costs no statement for its type. */
const recent = new Map<string, { row: EntryTypeRow; expires: number }>();
const RECENT_MAX = 2000;
/** As long as the tenant registry's own copies live: other processes see a change within it. */
const RECENT_MS = 2000;
const recentKey = (tenantId: string, key: string) => `${tenantId}\u0001${key}`;

/** Drops this process's copy of a type (after its change or deletion here). */
export function forgetEntryType(tenantId: string, key: string): void {
  recent.delete(recentKey(tenantId, key));
}

/**
 * One entry type of the scope's tenant, or NOT_FOUND. `write` locks the row (KEY SHARE) for the
 * transaction: an entry is then validated and indexed against the schema a concurrent schema
 * change (which takes the row FOR UPDATE) either waits for or has already committed. `list` may
 * answer from this process's copy of the last RECENT_MS, like the tenant registry does.
 */
export async function getEntryType(
  scope: TenantScope,
  key: string,
  intent: 'read' | 'write' | 'list' = 'read',
): Promise<EntryTypeRow> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(key)) throw noSuchType();
  const cacheKey = recentKey(scope.tenantId, key);
  if (intent === 'list') {
    const cached = recent.get(cacheKey);
    if (cached && cached.expires > Date.now() && cached.row.tenant_id === scope.tenantId) return cached.row;
  }
  const query = scope.db
    .selectFrom('entry_types')
    .select(ENTRY_TYPE_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('key', '=', key);
  const row = await (intent === 'write' ? query.forKeyShare() : query).executeTakeFirst();
  if (!row) throw noSuchType();
  if (intent === 'list') {
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
    recent.set(cacheKey, { row, expires: Date.now() + RECENT_MS });
  }
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
  intent: 'read' | 'write' | 'list' = 'read',
): Promise<EntryTypeRow> {
  const type = await getEntryType(scope, key, intent);
  assertTypeEnabled(tenant, type);
  return type;
}
