import { sql } from 'kysely';
import type { Job, JobQueue } from '../../jobs/job-queue.js';
import { PermanentJobError } from '../../jobs/job-worker.js';
import type { TenantLocation } from '../../tenancy/isolation/isolation-model.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { isTenantId, type TenantId } from '../../tenancy/tenant-id.js';
import type { Isolation } from '../../tenancy/tenant-scope.js';
import { measureTenantStorage } from '../../tenancy/usage/measure-tenant-storage.js';
import { recordStorageUsage } from '../../tenancy/usage/storage-usage.js';

export const MEASURE_STORAGE_JOB = 'tenants.measure-storage';

/** How often every tenant is measured; enforcement uses the last measurement in between. */
export const MEASURE_STORAGE_EVERY_MS = 10 * 60_000;

/** Tenants measured per batch: bounds the owner connections and the memory one run takes. */
const BATCH = 200;

/**
 * Queues one measurement of one tenant (after an import, or after many creates). A measurement
 * already waiting for that tenant is enough, so bursts of bulk writes queue one job, not many.
 */
export async function enqueueStorageMeasurement(queue: JobQueue, tenantId: string): Promise<void> {
  const waiting = await queue.db
    .selectFrom('platform.jobs')
    .select('id')
    .where('kind', '=', MEASURE_STORAGE_JOB)
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  if (!waiting) await queue.enqueue(MEASURE_STORAGE_JOB, {}, { tenantId });
}

/**
 * Makes sure exactly one periodic measurement is queued or running, across every server
 * process: the check and the insert run under one advisory lock. Called at start and by the
 * periodic job itself (with its own id excepted) to queue its successor.
 */
export async function scheduleStorageMeasurement(
  queue: JobQueue,
  runAt: Date,
  exceptJobId?: string,
): Promise<void> {
  await queue.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${MEASURE_STORAGE_JOB}))`.execute(trx);
    let pending = trx
      .selectFrom('platform.jobs')
      .select('id')
      .where('kind', '=', MEASURE_STORAGE_JOB)
      .where('tenant_id', 'is', null)
      .where('status', 'in', ['queued', 'running']);
    if (exceptJobId) pending = pending.where('id', '<>', exceptJobId);
    if (await pending.executeTakeFirst()) return;
    await trx
      .insertInto('platform.jobs')
      .values({ kind: MEASURE_STORAGE_JOB, payload: JSON.stringify({ periodic: true }), run_at: runAt })
      .execute();
  });
}

async function measureAll(tenancy: Tenancy): Promise<{ measured: number; failed: string[] }> {
  const failed: string[] = [];
  let measured = 0;
  let after = '';
  for (;;) {
    const rows = await tenancy.platformDb
      .selectFrom('platform.tenants')
      .select(['id', 'isolation', 'placement'])
      .where('status', 'in', ['active', 'suspended'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const tenants = rows.map((row): TenantLocation => ({
      id: row.id as TenantId,
      isolation: row.isolation as Isolation,
      placement: row.placement,
    }));
    // One unreachable placement server must not stop the others' tenants from being measured.
    try {
      const sizes = await measureTenantStorage(tenancy, tenants);
      await recordStorageUsage(tenancy.platformDb, sizes);
      measured += sizes.size;
    } catch {
      for (const tenant of tenants) {
        try {
          const sizes = await measureTenantStorage(tenancy, [tenant]);
          await recordStorageUsage(tenancy.platformDb, sizes);
          measured += sizes.size;
        } catch {
          failed.push(tenant.id);
        }
      }
    }
  }
  return { measured, failed };
}

/**
 * Measures one tenant (a job carrying a tenant) or every tenant with storage (the periodic
 * job) and records the sizes in `platform.tenant_usage`. The periodic job queues its successor
 * whatever happened to it, so the chain never breaks.
 */
export function measureStorageJob(tenancy: Tenancy, queue: JobQueue, everyMs = MEASURE_STORAGE_EVERY_MS) {
  return async (job: Job) => {
    if (job.tenantId) {
      if (!isTenantId(job.tenantId)) throw new PermanentJobError('job has no valid tenant');
      const tenant = await tenancy.registry.load(job.tenantId);
      if (!tenant || (tenant.status !== 'active' && tenant.status !== 'suspended')) {
        return { skipped: tenant?.status ?? 'gone' };
      }
      const sizes = await measureTenantStorage(tenancy, [tenant]);
      await recordStorageUsage(tenancy.platformDb, sizes);
      return { storage_bytes: sizes.get(tenant.id) ?? null };
    }
    // A periodic run completes even when it failed: a retry would run beside its successor.
    const outcome = await measureAll(tenancy).catch((error: unknown) => ({
      error: error instanceof Error ? error.message : String(error),
    }));
    if (job.payload.periodic) {
      await scheduleStorageMeasurement(queue, new Date(Date.now() + everyMs), job.id);
    }
    return outcome;
  };
}
