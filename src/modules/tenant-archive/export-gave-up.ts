import type { GiveUpHandler } from '../../jobs/job-worker.js';
import type { Tenancy } from '../../tenancy/tenancy.js';

/** An export whose process died on every attempt is `failed` with the reason, not `running` forever. */
export function exportGaveUp(tenancy: Tenancy): GiveUpHandler {
  return async (job, error) => {
    const exportId = typeof job.payload.export_id === 'string' ? job.payload.export_id : '';
    await tenancy.platformDb
      .updateTable('platform.tenant_exports')
      .set({ status: 'failed', error: error.slice(0, 500), completed_at: new Date() })
      .where('id', '=', exportId)
      .where('status', '=', 'running')
      .execute();
  };
}
