import type { Selectable } from 'kysely';
import type { TenantDatabase } from '../../tenancy/tenant-database.js';

export type ApiKeyRow = Selectable<TenantDatabase['api_keys']>;

export const API_KEY_COLUMNS = [
  'tenant_id',
  'id',
  'name',
  'permissions',
  'created_by',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

/** The API shape of a key: never its hash. */
export function toApiKey(row: Omit<ApiKeyRow, 'secret_hash'>) {
  return {
    id: row.id,
    name: row.name,
    permissions: row.permissions,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}
