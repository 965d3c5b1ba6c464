import { randomUUID } from 'node:crypto';
import type { TenantRecord } from '../../src/tenancy/registry/tenant-record.js';
import type { TestInstance } from './test-instance.js';

/**
 * Commits an audit entry as `recordAudit` writes it but without the scope's signal, so no sealer
 * runs for it: what a process that died between commit and seal leaves behind.
 */
export async function insertUnsealedAudit(
  tb: TestInstance,
  tenant: TenantRecord,
  createdAt = new Date(),
): Promise<void> {
  await tb.services.tenancy.withTenant(tenant, (scope) =>
    scope.db
      .insertInto('audit_log')
      .values({
        tenant_id: scope.tenantId,
        id: randomUUID(),
        created_at: createdAt,
        actor_type: 'system',
        actor_id: null,
        action: 'test.orphan',
        target_type: 'test',
        target_id: null,
        request_id: null,
        before: null,
        after: null,
      })
      .execute(),
  );
}
