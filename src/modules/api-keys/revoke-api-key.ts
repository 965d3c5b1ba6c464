import { validate as isUuid } from 'uuid';
import { notFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';

/** Revokes a key at once; another tenant's key id is as unknown as a missing one. */
export async function revokeApiKey(scope: TenantScope, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound('API key');
  const row = await scope.db
    .updateTable('api_keys')
    .set({ revoked_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
  if (!row) throw notFound('API key');
  await recordAudit(scope, {
    action: 'api_key.revoke',
    targetType: 'api_key',
    targetId: id,
    before: { name: row.name },
  });
}
