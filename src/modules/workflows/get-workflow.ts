import { notFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type WorkflowRow, WORKFLOW_COLUMNS } from './workflow-row.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One workflow of the scope's tenant; another tenant's id is as missing as an unknown one. */
export async function getWorkflow(scope: TenantScope, id: string): Promise<WorkflowRow> {
  if (!UUID.test(id)) throw notFound('Workflow');
  const row = await scope.db
    .selectFrom('workflows')
    .select(WORKFLOW_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Workflow');
  return row;
}
