import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { notFound } from '../../errors.js';
import type { TenantMoveRow } from './tenant-moves.table.js';

/** One move of one tenant; a move of another tenant is NOT_FOUND, like a missing one. */
export async function getTenantMove(
  db: Kysely<PlatformDatabase>,
  tenantId: string,
  moveId: string,
): Promise<TenantMoveRow> {
  const row = await db
    .selectFrom('platform.tenant_moves')
    .selectAll()
    .where('id', '=', moveId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!row) throw notFound('Move');
  return row;
}
