import { findOrNotFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type WorkflowRow, WORKFLOW_COLUMNS } from './workflow-row.js';

/** One workflow of the scope's tenant; another tenant's id is as missing as an unknown one. */
export async function getWorkflow(scope: TenantScope, id: string): Promise<WorkflowRow> {
  return findOrNotFound('Workflow', id, (uuid) =>
    scope.db
      .selectFrom('workflows')
      .select(WORKFLOW_COLUMNS)
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', uuid)
      .executeTakeFirst(),
  );
}
