import { findOrNotFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { API_KEY_COLUMNS, toApiKey } from './api-key-row.js';

/** One key of the tenant, never its hash; another tenant's id is as unknown as a missing one. */
export async function getApiKey(scope: TenantScope, id: string) {
  const row = await findOrNotFound('API key', id, (uuid) =>
    scope.db
      .selectFrom('api_keys')
      .select(API_KEY_COLUMNS)
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', uuid)
      .executeTakeFirst(),
  );
  return toApiKey(row);
}
