import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { getWorkflow } from './get-workflow.js';

export async function deleteWorkflow(scope: TenantScope, id: string): Promise<void> {
  const before = await getWorkflow(scope, id);
  await scope.db
    .deleteFrom('workflows')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', before.id)
    .execute();
  await recordAudit(scope, { action: 'workflow.delete', targetType: 'workflow', targetId: id, before });
}
