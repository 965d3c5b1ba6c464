import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { ListQuery } from '../listing/list-query.schema.js';
import { type Page, paginate } from '../listing/paginate.js';
import { type WorkflowRow, WORKFLOW_COLUMNS } from './workflow-row.js';
import { WORKFLOW_STATUSES } from './workflows.tables.js';

export function findWorkflows(scope: TenantScope, query: ListQuery): Promise<Page<WorkflowRow>> {
  const base = scope.db
    .selectFrom('workflows')
    .select(WORKFLOW_COLUMNS)
    .where('tenant_id', '=', scope.tenantId);
  return paginate(base, query, { list: 'workflows', name: 'name', statuses: WORKFLOW_STATUSES });
}
