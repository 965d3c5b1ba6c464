import { AppError } from '../../errors.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { featureEnabled } from '../../tenancy/tiers.js';
import { ENTRY_TYPE_COLUMNS, type EntryTypeRow } from './entry-rows.js';

/** Same answer for another tenant's key as for a key nobody made; the key itself is not echoed. */
const noSuchType = () => new AppError('NOT_FOUND', 'No such entry type');

/** One entry type of the scope's tenant, or NOT_FOUND. */
export async function getEntryType(scope: TenantScope, key: string): Promise<EntryTypeRow> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(key)) throw noSuchType();
  const row = await scope.db
    .selectFrom('entry_types')
    .select(ENTRY_TYPE_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) throw noSuchType();
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
): Promise<EntryTypeRow> {
  const type = await getEntryType(scope, key);
  assertTypeEnabled(tenant, type);
  return type;
}
