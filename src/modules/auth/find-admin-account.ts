import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { sessionEnded } from './current-principal.js';

/** A signed-in administrator's account; one removed since the token was issued has no session left. */
export async function findAdminAccount(db: Kysely<PlatformDatabase>, id: string) {
  const admin = await db
    .selectFrom('platform.platform_admins')
    .select(['id', 'email'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!admin) throw sessionEnded('administrator removed');
  return admin;
}
