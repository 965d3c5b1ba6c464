import { notFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type DeploymentRow, DEPLOYMENT_COLUMNS } from './deployment-row.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One deployment of the scope's tenant; another tenant's id is as missing as an unknown one. */
export async function getDeployment(scope: TenantScope, id: string): Promise<DeploymentRow> {
  if (!UUID.test(id)) throw notFound('Deployment');
  const row = await scope.db
    .selectFrom('deployments')
    .select(DEPLOYMENT_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Deployment');
  return row;
}
