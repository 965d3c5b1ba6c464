import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { getDeployment } from './get-deployment.js';

export async function deleteDeployment(scope: TenantScope, id: string): Promise<void> {
  const before = await getDeployment(scope, id);
  await scope.db
    .deleteFrom('deployments')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', before.id)
    .execute();
  await recordAudit(scope, { action: 'deployment.delete', targetType: 'deployment', targetId: id, before });
}
