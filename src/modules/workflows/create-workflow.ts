import { v7 as uuidv7 } from 'uuid';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { type WorkflowRow, WORKFLOW_COLUMNS } from './workflow-row.js';
import type { CreateWorkflowBody } from './workflows.schema.js';

export async function createWorkflow(scope: TenantScope, input: CreateWorkflowBody): Promise<WorkflowRow> {
  const now = new Date();
  const row = await scope.db
    .insertInto('workflows')
    .values({
      tenant_id: scope.tenantId,
      id: uuidv7(),
      name: input.name,
      status: input.status ?? 'active',
      config: JSON.stringify(input.config ?? {}),
      created_at: now,
      updated_at: now,
    })
    .returning(WORKFLOW_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordAudit(scope, {
    action: 'workflow.create',
    targetType: 'workflow',
    targetId: row.id,
    after: row,
  });
  return row;
}
