import type { GiveUpHandler } from '../../jobs/job-worker.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { abandonMove } from './move-tenant-job.js';

/**
 * A move whose process died on every attempt: before the cutover it is `failed` and the old
 * storage serves again; after it, the tenant already lives in the verified copy and only the old
 * storage is left behind, which the error says.
 */
export function moveGaveUp(tenancy: Tenancy): GiveUpHandler {
  return async (job, error) => {
    const moveId = typeof job.payload.move_id === 'string' ? job.payload.move_id : '';
    const move = await tenancy.platformDb
      .selectFrom('platform.tenant_moves')
      .selectAll()
      .where('id', '=', moveId)
      .executeTakeFirst();
    if (!move || move.status === 'done' || move.status === 'failed') return;
    if (move.status !== 'cutover') return abandonMove(tenancy, move, error);
    await tenancy.platformDb
      .updateTable('platform.tenant_moves')
      .set({ error: `cut over, but the old storage was not dropped: ${error}`.slice(0, 500) })
      .where('id', '=', move.id)
      .execute();
  };
}
