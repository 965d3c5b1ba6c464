import { v4 as uuidv4 } from 'uuid';
import { AppError } from '../../errors.js';
import type { Permission } from '../../identity/permissions.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { newApiKey } from './api-key-secret.js';
import { API_KEY_COLUMNS, type ApiKeyRow } from './api-key-row.js';
import type { CreateApiKeyBody } from './api-keys.schema.js';

/**
 * Creates a service account key with a subset of its creator's permissions (a key can never do
 * more than the person who made it). Returns the secret once; only its hash is kept.
 */
export async function createApiKey(
  scope: TenantScope,
  input: CreateApiKeyBody,
  creator: { id: string; permissions: ReadonlySet<Permission> },
): Promise<{ row: Omit<ApiKeyRow, 'secret_hash'>; secret: string }> {
  const beyond = input.permissions.filter((p) => !creator.permissions.has(p));
  if (beyond.length > 0) {
    throw new AppError('FORBIDDEN', 'An API key cannot hold permissions you do not have', {
      details: beyond.map((p) => ({ path: 'permissions', message: `you do not hold ${p}` })),
    });
  }
  const id = uuidv4();
  const { token, secretHash } = newApiKey(scope.tenantId, id);
  const row = await scope.db
    .insertInto('api_keys')
    .values({
      tenant_id: scope.tenantId,
      id,
      name: input.name,
      secret_hash: secretHash,
      permissions: [...input.permissions],
      created_by: creator.id,
      created_at: new Date(),
      last_used_at: null,
      revoked_at: null,
    })
    .returning(API_KEY_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordAudit(scope, {
    action: 'api_key.create',
    targetType: 'api_key',
    targetId: id,
    after: { name: row.name, permissions: row.permissions },
  });
  return { row, secret: token };
}
