import { findOrNotFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';

/** Revokes a key at once; another tenant's key id is as unknown as a missing one. */
export async function revokeApiKey(scope: TenantScope, id: string): Promise<void> {
  const row = await findOrNotFound('API key', id, (uuid) =>
    scope.db
      .updateTable('api_keys')
      .set({ revoked_at: new Date() })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', uuid)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst(),
  );
  await recordAudit(scope, {
    action: 'api_key.revoke',
    targetType: 'api_key',
    targetId: id,
    before: { name: row.name },
  });
}
