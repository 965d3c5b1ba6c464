import type { Selectable } from 'kysely';
import type { TenantDatabase } from '../../tenancy/tenant-database.js';
import type { Workflow } from './workflows.schema.js';

export type WorkflowRow = Selectable<TenantDatabase['workflows']>;

export const WORKFLOW_COLUMNS = [
  'tenant_id',
  'id',
  'name',
  'status',
  'config',
  'created_at',
  'updated_at',
] as const;

/** The API shape of a stored workflow (`Workflow` in the OpenAPI document). */
export function toWorkflow(row: WorkflowRow): Workflow {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    name: row.name,
    status: row.status as Workflow['status'],
    config: row.config as Workflow['config'],
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
