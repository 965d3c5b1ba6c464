import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import { JobQueue } from '../../jobs/job-queue.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { choosePlacement } from '../tenants/create-tenant.js';
import { MOVE_JOB } from './move-tenant-job.js';
import type { MoveTenantBody } from './tenant-move.schema.js';
import type { TenantMoveRow } from './tenant-moves.table.js';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', { details: [{ path, message }] });

/**
 * Starts moving an active tenant to another isolation model or placement server (202). The move
 * row and its job commit together; a second move of the same tenant while one runs is refused by
 * a unique index (409), whichever process asks.
 */
export async function startTenantMove(
  tenancy: Tenancy,
  rawId: string,
  input: MoveTenantBody,
): Promise<TenantMoveRow> {
  const id = parseTenantId(rawId, 'id');
  const tenant = await tenancy.registry.load(id);
  if (!tenant || tenant.status === 'deleted' || tenant.status === 'deleting') {
    throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  }
  if (tenant.status !== 'active') {
    throw new AppError('CONFLICT', `Only an active tenant can be moved; this one is ${tenant.status}`);
  }
  const isolation = input.isolation ?? tenant.isolation;
  if (input.placement !== undefined && isolation !== 'database') {
    throw invalid('placement', 'placement applies to the database isolation model only');
  }
  const placement =
    isolation !== 'database'
      ? 'default'
      : input.placement === undefined && tenant.isolation === 'database'
        ? tenant.placement
        : await choosePlacement(tenancy, isolation, input.placement);
  if (isolation === tenant.isolation && (isolation !== 'database' || placement === tenant.placement)) {
    throw invalid(input.placement !== undefined ? 'placement' : 'isolation', 'the tenant is already there');
  }
  if (isolation === 'database' && tenant.isolation === 'database') {
    const host = (placement: string) => new URL(tenancy.endpoints.servers.get(placement) ?? '').host;
    // Two names for one server would make the copy its own source, and dropping the old one drop it.
    if (host(placement) === host(tenant.placement)) throw invalid('placement', 'that is the same server');
  }
  const moveId = uuidv7();
  try {
    return await tenancy.platformDb.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('platform.tenant_moves')
        .values({
          id: moveId,
          tenant_id: id,
          from_isolation: tenant.isolation,
          from_placement: tenant.placement,
          to_isolation: isolation,
          to_placement: placement,
          status: 'queued',
          error: null,
          requested_by: requestContext.current()?.actorId ?? null,
          started_at: null,
          finished_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await new JobQueue(trx).enqueue(MOVE_JOB, { move_id: moveId }, { tenantId: id, maxAttempts: 5 });
      await recordPlatformAudit(trx, {
        action: 'tenant.move_requested',
        targetType: 'tenant',
        targetId: id,
        tenantId: id,
        details: { move_id: moveId, from: tenant.isolation, to: isolation, placement },
      });
      return row;
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new AppError('CONFLICT', 'This tenant is already being moved');
    }
    throw error;
  }
}
