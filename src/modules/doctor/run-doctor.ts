import { AppError } from '../../errors.js';
import { checkIsolation } from '../../tenancy/doctor/check-isolation.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import type { DoctorReport } from './doctor.schema.js';

/**
 * Runs every isolation check and sums them up; the route and `tenantbase doctor` share it. A
 * failing check is a result, not an error: the report is the answer either way.
 */
export async function runDoctor(
  tenancy: Tenancy,
  options: { tenantId?: string } = {},
): Promise<DoctorReport> {
  if (options.tenantId !== undefined) {
    const tenant = isTenantId(options.tenantId) ? await tenancy.registry.load(options.tenantId) : undefined;
    if (!tenant) throw new AppError('NOT_FOUND', `Tenant ${options.tenantId} not found`);
  }
  const started = performance.now();
  const checks = await checkIsolation(tenancy, options);
  const counts = { ok: 0, warn: 0, fail: 0 };
  for (const check of checks) counts[check.status]++;
  return {
    status: counts.fail > 0 ? 'fail' : counts.warn > 0 ? 'warn' : 'ok',
    checked_at: new Date().toISOString(),
    duration_ms: Math.round(performance.now() - started),
    counts,
    checks,
  };
}
