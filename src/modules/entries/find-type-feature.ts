import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { TYPE_KEY_PATTERN } from './entries.tables.js';

const TYPE_KEY = new RegExp(TYPE_KEY_PATTERN);

/**
 * The feature named by the tenant's type `key`, or null when the type has none or does not exist.
 * Takes the unvalidated path segment (the edge asks before validation), so anything that is not a
 * key is answered without a query.
 */
export async function findTypeFeature(scope: TenantScope, key: string | undefined): Promise<string | null> {
  if (key === undefined || !TYPE_KEY.test(key)) return null;
  const row = await scope.db
    .selectFrom('entry_types')
    .select('feature')
    .where('tenant_id', '=', scope.tenantId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.feature ?? null;
}
