import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { AppError } from '../../errors.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { DEMO_REQUEST_COLUMNS } from './demo-request-view.js';
import type { DemoRequestRow } from './demo-requests.table.js';
import { getDemoRequest } from './get-demo-request.js';

/** Rejects a pending demo request; a decided one is a conflict (it may already be a tenant). */
export async function rejectDemoRequest(
  db: Kysely<PlatformDatabase>,
  id: string,
  reason: string | undefined,
): Promise<DemoRequestRow> {
  const found = await getDemoRequest(db, id);
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const row = await trx
      .updateTable('platform.demo_requests')
      .set({
        status: 'rejected',
        reason: reason?.trim() || null,
        decided_by: requestContext.current()?.actorId ?? null,
        decided_at: now,
        updated_at: now,
      })
      .where('id', '=', found.id)
      .where('status', '=', 'pending')
      .returning(DEMO_REQUEST_COLUMNS)
      .executeTakeFirst();
    if (!row)
      throw new AppError(
        'CONFLICT',
        `This demo request is already ${found.status === 'pending' ? 'decided' : found.status}`,
      );
    await recordPlatformAudit(trx, {
      action: 'demo_request.reject',
      targetType: 'demo_request',
      targetId: found.id,
      details: { reason: row.reason },
    });
    return row;
  });
}
