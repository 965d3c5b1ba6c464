import type { Selectable } from 'kysely';
import type { TenantDatabase } from '../../tenancy/tenant-database.js';
import type { Deployment } from './deployments.schema.js';

export type DeploymentRow = Selectable<TenantDatabase['deployments']>;

export const DEPLOYMENT_COLUMNS = [
  'tenant_id',
  'id',
  'project_name',
  'status',
  'url',
  'created_at',
  'updated_at',
] as const;

/** The API shape of a stored deployment (`Deployment` in the OpenAPI document). */
export function toDeployment(row: DeploymentRow): Deployment {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    project_name: row.project_name,
    status: row.status as Deployment['status'],
    url: row.url,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
