import { findOrNotFound } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type DeploymentRow, DEPLOYMENT_COLUMNS } from './deployment-row.js';

/** One deployment of the scope's tenant; another tenant's id is as missing as an unknown one. */
export async function getDeployment(scope: TenantScope, id: string): Promise<DeploymentRow> {
  return findOrNotFound('Deployment', id, (uuid) =>
    scope.db
      .selectFrom('deployments')
      .select(DEPLOYMENT_COLUMNS)
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', uuid)
      .executeTakeFirst(),
  );
}
