import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { findOrNotFound } from '../../errors.js';
import { DEMO_REQUEST_COLUMNS } from './demo-request-view.js';
import type { DemoRequestRow } from './demo-requests.table.js';

/** One demo request; a malformed id is as missing as an unknown one. */
export async function getDemoRequest(db: Kysely<PlatformDatabase>, id: string): Promise<DemoRequestRow> {
  return findOrNotFound('Demo request', id, (uuid) =>
    db
      .selectFrom('platform.demo_requests')
      .select(DEMO_REQUEST_COLUMNS)
      .where('id', '=', uuid)
      .executeTakeFirst(),
  );
}
