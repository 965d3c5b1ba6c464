import { validate as isUuid } from 'uuid';
import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { notFound } from '../../errors.js';
import { DEMO_REQUEST_COLUMNS } from './demo-request-view.js';
import type { DemoRequestRow } from './demo-requests.table.js';

/** One demo request; a malformed id is as missing as an unknown one. */
export async function getDemoRequest(db: Kysely<PlatformDatabase>, id: string): Promise<DemoRequestRow> {
  if (!isUuid(id)) throw notFound('Demo request');
  const row = await db
    .selectFrom('platform.demo_requests')
    .select(DEMO_REQUEST_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Demo request');
  return row;
}
