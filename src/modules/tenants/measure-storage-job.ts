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
 * How many times its own duration a tenant's measurement waits before that tenant is measured
 * again on demand: measuring then takes at most 1/20 of the time, however large the tenant. In
 * the pool model a measurement reads every row of the tenant, so a busy tenant with hundreds of
 * thousands of rows, measured every MEASURE_AFTER_CREATES creates, kept scans of itself running
 * back to back (several at once, one per job slot) beside its own writes (BENCHMARKS §3).
 */
export const MEASURE_SPACING_FACTOR = 20;

/** The shortest gap between two on-demand measurements of one tenant. */
export const MEASURE_MIN_SPACING_MS = 1000;

/**
 * When the next on-demand measurement of a tenant may start, after one that took `tookMs` and
 * ended at `endedAt`. Never later than a periodic run would measure it anyway.
 */
export function nextMeasurementAt(endedAt: Date, tookMs: number): Date {
  const gap = Math.min(
    MEASURE_STORAGE_EVERY_MS,
    Math.max(MEASURE_MIN_SPACING_MS, tookMs * MEASURE_SPACING_FACTOR),
  );
  return new Date(endedAt.getTime() + gap);
}

/**
 * Queues one measurement of one tenant (after an import, or after many creates). A measurement
 * of that tenant already queued or running is enough, so bursts of writes queue one job, never
 * two scans of the same tenant at once; after one that ended, the next waits `nextMeasurementAt`.
 * The check and the insert run under a per-tenant advisory lock, across every server process.
 */
export async function enqueueStorageMeasurement(queue: JobQueue, tenantId: string): Promise<void> {
  const runAt = await queue.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${MEASURE_STORAGE_JOB}), hashtext(${tenantId}))`.execute(
      trx,
    );
    const last = await trx
      .selectFrom('platform.jobs')
      .select(['status', 'updated_at', sql<string | null>`result->>'ms'`.as('ms')])
      .where('kind', '=', MEASURE_STORAGE_JOB)
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last?.status === 'queued' || last?.status === 'running') return undefined;
    const at =
      last?.status === 'done' && last.ms !== null
        ? nextMeasurementAt(last.updated_at, Number(last.ms))
        : new Date();
    await trx
      .insertInto('platform.jobs')
      .values({ kind: MEASURE_STORAGE_JOB, tenant_id: tenantId, payload: '{}', run_at: at })
      .execute();
    return at;
  });
  // A job due now starts at once rather than on the worker's next poll.
  if (runAt && runAt.getTime() <= Date.now()) await queue.notify(MEASURE_STORAGE_JOB);
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
      const started = performance.now();
      const sizes = await measureTenantStorage(tenancy, [tenant]);
      // Kept in the job's result: enqueueStorageMeasurement spaces the tenant's next one by it.
      const ms = Math.round(performance.now() - started);
      await recordStorageUsage(tenancy.platformDb, sizes);
      return { storage_bytes: sizes.get(tenant.id) ?? null, ms };
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
