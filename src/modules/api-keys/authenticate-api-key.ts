import { isPermission, type Permission } from '../../identity/permissions.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type ParsedApiKey, secretMatches } from './api-key-secret.js';

const LAST_USE_PRECISION_MS = 60_000;

/**
 * Checks a presented key against its stored hash and returns its permissions, or undefined for
 * any unknown, revoked or wrong key. Last use is recorded at most once a minute per key so a busy
 * service account does not turn every read into a write.
 */
export async function authenticateApiKey(
  scope: TenantScope,
  key: ParsedApiKey,
): Promise<{ id: string; permissions: Permission[] } | undefined> {
  const row = await scope.db
    .selectFrom('api_keys')
    .select(['id', 'secret_hash', 'permissions', 'revoked_at', 'last_used_at'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', key.id)
    .executeTakeFirst();
  if (!row || row.revoked_at || !secretMatches(key.secret, row.secret_hash)) return undefined;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USE_PRECISION_MS) {
    await scope.db
      .updateTable('api_keys')
      .set({ last_used_at: new Date() })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', row.id)
      .execute();
  }
  return { id: row.id, permissions: row.permissions.filter(isPermission) };
}
