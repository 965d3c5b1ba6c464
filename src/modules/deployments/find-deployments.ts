import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { ListQuery } from '../listing/list-query.schema.js';
import { type Page, paginate } from '../listing/paginate.js';
import { type DeploymentRow, DEPLOYMENT_COLUMNS } from './deployment-row.js';
import { DEPLOYMENT_STATUSES } from './deployments.tables.js';

export function findDeployments(scope: TenantScope, query: ListQuery): Promise<Page<DeploymentRow>> {
  const base = scope.db
    .selectFrom('deployments')
    .select(DEPLOYMENT_COLUMNS)
    .where('tenant_id', '=', scope.tenantId);
  return paginate(base, query, { list: 'deployments', name: 'project_name', statuses: DEPLOYMENT_STATUSES });
}
