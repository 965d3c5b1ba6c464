import { v7 as uuidv7 } from 'uuid';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { type DeploymentRow, DEPLOYMENT_COLUMNS } from './deployment-row.js';
import type { CreateDeploymentBody } from './deployments.schema.js';

export async function createDeployment(
  scope: TenantScope,
  input: CreateDeploymentBody,
): Promise<DeploymentRow> {
  const now = new Date();
  const row = await scope.db
    .insertInto('deployments')
    .values({
      tenant_id: scope.tenantId,
      id: uuidv7(),
      project_name: input.project_name,
      status: input.status ?? 'pending',
      url: input.url ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning(DEPLOYMENT_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordAudit(scope, {
    action: 'deployment.create',
    targetType: 'deployment',
    targetId: row.id,
    after: row,
  });
  return row;
}
