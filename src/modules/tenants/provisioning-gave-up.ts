import type { GiveUpHandler } from '../../jobs/job-worker.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { isTenantId } from '../../tenancy/tenant-id.js';

/**
 * A provisioning job whose process died on every attempt leaves its tenant `failed` with the
 * reason, like any failed step, so `POST /tenants/{id}/retry` can queue it again.
 */
export function provisioningGaveUp(tenancy: Tenancy): GiveUpHandler {
  return async (job, error) => {
    if (!job.tenantId || !isTenantId(job.tenantId)) return;
    await tenancy.platformDb
      .updateTable('platform.tenants')
      .set({ status: 'failed', provisioning_error: error.slice(0, 1000), updated_at: new Date() })
      .where('id', '=', job.tenantId)
      .where('status', '=', 'provisioning')
      .execute();
    tenancy.registry.invalidate(job.tenantId);
  };
}
