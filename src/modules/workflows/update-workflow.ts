import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { type WorkflowRow, WORKFLOW_COLUMNS } from './workflow-row.js';
import type { UpdateWorkflowBody } from './workflows.schema.js';
import { getWorkflow } from './get-workflow.js';

export async function updateWorkflow(
  scope: TenantScope,
  id: string,
  input: UpdateWorkflowBody,
): Promise<WorkflowRow> {
  const before = await getWorkflow(scope, id);
  const after = await scope.db
    .updateTable('workflows')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.config !== undefined ? { config: JSON.stringify(input.config) } : {}),
      updated_at: new Date(),
    })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', before.id)
    .returning(WORKFLOW_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordAudit(scope, {
    action: 'workflow.update',
    targetType: 'workflow',
    targetId: id,
    before,
    after,
  });
  return after;
}
