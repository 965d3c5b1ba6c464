import type { AppServices } from '../../app/app-services.js';
import type { Job } from '../../jobs/job-queue.js';
import { PermanentJobError } from '../../jobs/job-worker.js';
import type { TenantLocation } from '../../tenancy/isolation/isolation-model.js';
import { storageKey } from '../../tenancy/migrations/storage-key.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import type { Isolation } from '../../tenancy/tenant-scope.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { dropOldStorage, dropTarget } from './drop-storage.js';
import { armPoolFence, fenceStorage, liftFreeze, unfenceStorage } from './storage-fence.js';
import { startChangeLog, stopChangeLog, takeChanges } from './change-log.js';
import { copyChangedKeys, finalSync } from './final-sync.js';
import { copyPass, layoutsOf, type MoveStorage, prepareMoveSession } from './storage-sync.js';
import type { MoveStatus, TenantMoveRow } from './tenant-moves.table.js';

export const MOVE_JOB = 'tenant.move';

/**
 * How long the old storage stays after the cutover: longer than any process keeps the tenant's
 * old location cached (the registry's 2 s), so a read that still goes there finds its rows.
 */
export const OLD_STORAGE_GRACE_MS = 3000;

/** Rounds of copying logged writes while the tenant serves: each leaves less for the freeze. */
const MAX_DELTA_ROUNDS = 5;

/** A round with fewer logged keys than this is as small as the freeze needs: stop there. */
const SMALL_DELTA = 200;

/** Test-only: the phase in which the process kills itself (SIGKILL), to prove a move resumes. */
const CRASH_AT = process.env.TENANTBASE_TEST_MOVE_CRASH_AT;

function crashPoint(phase: string): void {
  if (CRASH_AT === phase) process.kill(process.pid, 'SIGKILL');
}

type MoveServices = Pick<AppServices, 'tenancy'>;

export const moveLocations = (move: TenantMoveRow): { from: TenantLocation; to: TenantLocation } => ({
  from: {
    id: move.tenant_id as TenantId,
    isolation: move.from_isolation as Isolation,
    placement: move.from_placement,
  },
  to: {
    id: move.tenant_id as TenantId,
    isolation: move.to_isolation as Isolation,
    placement: move.to_placement,
  },
});

async function openPair(tenancy: Tenancy, from: TenantLocation, to: TenantLocation) {
  const source: MoveStorage = await tenancy.ownerStorage(from);
  let target: MoveStorage;
  try {
    target = await tenancy.ownerStorage(to);
  } catch (error) {
    await source.client.end();
    throw error;
  }
  await prepareMoveSession(source.client, from.id);
  await prepareMoveSession(target.client, to.id);
  const close = () => Promise.allSettled([source.client.end(), target.client.end()]);
  return { source, target, close };
}

/** Removes the move's change log from its source storage; a source already dropped has none. */
async function endChangeLog(tenancy: Tenancy, from: TenantLocation, moveId: string): Promise<void> {
  const storage = await tenancy.ownerStorage(from).catch((error: { code?: string }) => {
    if (error.code === '3D000') return undefined;
    throw error;
  });
  if (!storage) return;
  try {
    await stopChangeLog(storage, tenancy.tenantTables, moveId);
  } finally {
    await storage.client.end();
  }
}

/** Marks a move that did not cut over `failed`: the old storage serves again, the copy goes. */
export async function abandonMove(tenancy: Tenancy, move: TenantMoveRow, error: string): Promise<void> {
  const { from, to } = moveLocations(move);
  await unfenceStorage(tenancy, from);
  await endChangeLog(tenancy, from, move.id);
  const current = await tenancy.registry.load(from.id);
  if (current && current.isolation === from.isolation && current.placement === from.placement) {
    await dropTarget(tenancy, to).catch(() => undefined);
  }
  await tenancy.platformDb
    .updateTable('platform.tenant_moves')
    .set({ status: 'failed', error: error.slice(0, 500), finished_at: new Date() })
    .where('id', '=', move.id)
    .where('status', 'in', ['queued', 'copying', 'verifying'])
    .execute();
}

/**
 * Runs one move, resuming wherever a previous attempt stopped: copying (every pass compares and
 * fixes, so a repeated pass is harmless), verifying (the fence and the final delta are idempotent)
 * or cutover (the registry already names the new storage: only the old one is left to drop).
 */
export function moveTenantJob(services: MoveServices) {
  const { tenancy } = services;
  const db = tenancy.platformDb;
  const setStatus = (id: string, status: MoveStatus, more: { rows_copied?: number } = {}) =>
    db
      .updateTable('platform.tenant_moves')
      .set({ status, ...more })
      .where('id', '=', id)
      .execute();
  return async (job: Job) => {
    const moveId = typeof job.payload.move_id === 'string' ? job.payload.move_id : '';
    const move = await db
      .selectFrom('platform.tenant_moves')
      .selectAll()
      .where('id', '=', moveId)
      .executeTakeFirst();
    if (!move) throw new PermanentJobError('the move is gone');
    if (move.status === 'done' || move.status === 'failed') return { skipped: move.status };
    const { from, to } = moveLocations(move);
    const tenant = await tenancy.registry.load(from.id);
    if (!tenant || tenant.status === 'deleting' || tenant.status === 'deleted') {
      if (move.status !== 'cutover') await abandonMove(tenancy, move, 'the tenant was deleted');
      throw new PermanentJobError('the tenant is gone');
    }
    let rowsCopied = Number(move.rows_copied);
    if (move.status !== 'cutover') {
      try {
        rowsCopied = await copyAndCutOver(tenancy, move, from, to, setStatus);
      } catch (error) {
        // Never leave the tenant frozen while the job waits for its next attempt.
        await unfenceStorage(tenancy, from).catch(() => undefined);
        if (job.attempts >= job.maxAttempts || error instanceof PermanentJobError) {
          await abandonMove(tenancy, move, error instanceof Error ? error.message : String(error));
        }
        throw error;
      }
    }
    crashPoint('cutover');
    await new Promise((resolve) => setTimeout(resolve, OLD_STORAGE_GRACE_MS));
    await endChangeLog(tenancy, from, move.id);
    await dropOldStorage(tenancy, from);
    if (from.isolation !== 'pool' && from.isolation !== to.isolation) {
      await db.deleteFrom('platform.storage_migrations').where('storage', '=', storageKey(from)).execute();
    }
    await liftFreeze(tenancy, from);
    await db
      .updateTable('platform.tenant_moves')
      .set({ status: 'done', finished_at: new Date() })
      .where('id', '=', move.id)
      .execute();
    await recordPlatformAudit(db, {
      action: 'tenant.move',
      targetType: 'tenant',
      targetId: from.id,
      tenantId: from.id,
      details: { move_id: move.id, from: move.from_isolation, to: move.to_isolation, rows: rowsCopied },
    });
    return { move_id: move.id, rows_copied: rowsCopied };
  };
}

async function copyAndCutOver(
  tenancy: Tenancy,
  move: TenantMoveRow,
  from: TenantLocation,
  to: TenantLocation,
  setStatus: (id: string, status: MoveStatus, more?: { rows_copied?: number }) => Promise<unknown>,
): Promise<number> {
  const db = tenancy.platformDb;
  let rowsCopied = Number(move.rows_copied);
  if (move.status !== 'verifying') {
    await db
      .updateTable('platform.tenant_moves')
      .set({ status: 'copying', started_at: move.started_at ?? new Date() })
      .where('id', '=', move.id)
      .execute();
    await tenancy.provision(to);
  }
  const pair = await openPair(tenancy, from, to);
  try {
    const tables = tenancy.tenantTables;
    const pairs = await layoutsOf(pair.source, pair.target, tables);
    if (move.status !== 'verifying') {
      // Before the bulk copy reads a row: from here on every write of the tenant leaves its key.
      await startChangeLog(
        pair.source,
        pairs.map((p) => p.source),
        pairs.map((p) => p.name),
        move.id,
        from.id,
      );
      const base = rowsCopied;
      const bulk = await copyPass(pair.source, pair.target, tables, from.id, async (rows) => {
        crashPoint('copying');
        await setStatus(move.id, 'copying', { rows_copied: base + rows });
      });
      rowsCopied = base + bulk.rowsWritten;
      for (let round = 0; round < MAX_DELTA_ROUNDS; round++) {
        const changes = await takeChanges(pair.source.client, move.id);
        const keys = [...changes.values()].reduce((sum, k) => sum + k.length, 0);
        if (keys === 0) break;
        rowsCopied += await copyChangedKeys(pair.source, pair.target, pairs, from.id, changes);
        await setStatus(move.id, 'copying', { rows_copied: rowsCopied });
        if (keys < SMALL_DELTA) break;
      }
      await setStatus(move.id, 'verifying', { rows_copied: rowsCopied });
    }
    crashPoint('verifying');
    if (from.isolation === 'pool') await armPoolFence(pair.source.client, pair.source.schema, tables);
    // The full verification, while the tenant serves: what differs is fixed and stays dirty, and
    // what changes from now on is in the log. Nothing is consumed from the log until the fence.
    const check = await copyPass(pair.source, pair.target, tables, from.id, async () => undefined, {
      recheck: true,
    });
    rowsCopied += check.rowsWritten;
    await fenceStorage(tenancy, from, move.id);
    // After the fence drained the writers, every logged write is committed and visible.
    const changes = await takeChanges(pair.source.client, move.id);
    const final = await finalSync(pair.source, pair.target, pairs, from.id, {
      ranges: check.unverified,
      keys: changes,
    });
    rowsCopied += final.rowsWritten;
    // One transaction: the registry names the verified copy exactly when the move says so.
    await db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('platform.tenants')
        .set({ isolation: to.isolation, placement: to.placement, updated_at: new Date() })
        .where('id', '=', from.id)
        .where('isolation', '=', from.isolation)
        .where('placement', '=', from.placement)
        .executeTakeFirst();
      if (moved.numUpdatedRows !== 1n)
        throw new PermanentJobError('the tenant is no longer where the move began');
      await trx
        .updateTable('platform.tenant_moves')
        .set({ status: 'cutover', rows_copied: rowsCopied })
        .where('id', '=', move.id)
        .execute();
      await trx
        .updateTable('platform.tenant_write_freezes')
        .set({ thawed: true })
        .where('tenant_id', '=', from.id)
        .execute();
    });
    tenancy.registry.invalidate(from.id);
    await tenancy.freezes.refresh();
    return rowsCopied;
  } finally {
    await pair.close();
  }
}
