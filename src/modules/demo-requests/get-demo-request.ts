import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { notFound } from '../../errors.js';
import { DEMO_REQUEST_COLUMNS } from './demo-request-view.js';
import type { DemoRequestRow } from './demo-requests.table.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One demo request; a malformed id is as missing as an unknown one. */
export async function getDemoRequest(db: Kysely<PlatformDatabase>, id: string): Promise<DemoRequestRow> {
  if (!UUID.test(id)) throw notFound('Demo request');
  const row = await db
    .selectFrom('platform.demo_requests')
    .select(DEMO_REQUEST_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Demo request');
  return row;
}
