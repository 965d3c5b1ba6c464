import { CompiledQuery } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { textPerSchema } from '../../tenancy/text-per-schema.js';
import { recordAudit } from '../audit/record-audit.js';
import type { DeploymentRow } from './deployment-row.js';
import type { CreateDeploymentBody } from './deployments.schema.js';

/**
 * No RETURNING: every column is given here (no defaults, triggers or generated columns), and a
 * Date has millisecond precision, which timestamptz keeps, so the row is what was stored.
 */
const insertFor = textPerSchema(
  (schema) =>
    `insert into ${quoteIdent(schema)}.${quoteIdent('deployments')}
      (tenant_id, id, project_name, status, url, created_at, updated_at)
      values ($1, $2, $3, $4, $5, $6, $7)`,
);

/**
 * The create's write alone (the no-audit benchmark baseline runs exactly this). Nothing here
 * needs the INSERT's answer, so it goes out with the COMMIT: the whole create is one round trip,
 * and a refused row fails the scope with its own error. The row is not readable in this scope.
 */
export async function insertDeployment(
  scope: TenantScope,
  input: CreateDeploymentBody,
): Promise<DeploymentRow> {
  const now = new Date();
  const row: DeploymentRow = {
    tenant_id: scope.tenantId,
    id: uuidv7(),
    project_name: input.project_name,
    status: input.status ?? 'pending',
    url: input.url ?? null,
    created_at: now,
    updated_at: now,
  };
  scope.sendWithCommit(
    CompiledQuery.raw(insertFor(scope.schema), [
      row.tenant_id,
      row.id,
      row.project_name,
      row.status,
      row.url,
      row.created_at,
      row.updated_at,
    ]),
  );
  return row;
}

export async function createDeployment(
  scope: TenantScope,
  input: CreateDeploymentBody,
): Promise<DeploymentRow> {
  const row = await insertDeployment(scope, input);
  await recordAudit(scope, {
    action: 'deployment.create',
    targetType: 'deployment',
    targetId: row.id,
    after: row,
  });
  return row;
}
