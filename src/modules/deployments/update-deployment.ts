import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { type DeploymentRow, DEPLOYMENT_COLUMNS } from './deployment-row.js';
import type { UpdateDeploymentBody } from './deployments.schema.js';
import { getDeployment } from './get-deployment.js';

export async function updateDeployment(
  scope: TenantScope,
  id: string,
  input: UpdateDeploymentBody,
): Promise<DeploymentRow> {
  const before = await getDeployment(scope, id);
  const after = await scope.db
    .updateTable('deployments')
    .set({ ...input, updated_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', before.id)
    .returning(DEPLOYMENT_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordAudit(scope, {
    action: 'deployment.update',
    targetType: 'deployment',
    targetId: id,
    before,
    after,
  });
  return after;
}
