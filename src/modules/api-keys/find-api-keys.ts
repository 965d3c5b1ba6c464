import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { API_KEY_COLUMNS } from './api-key-row.js';

/** The tenant's keys, newest first, revoked ones included (they explain past audit entries). */
export function findApiKeys(scope: TenantScope) {
  return scope.db
    .selectFrom('api_keys')
    .select(API_KEY_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}
