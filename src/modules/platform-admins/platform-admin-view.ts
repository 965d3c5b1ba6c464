import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { findOrNotFound } from '../../errors.js';
import type { PlatformAdmin } from './platform-admins.schema.js';

/**
 * Administrators with their MFA state. The password hash is never selected (the application role
 * cannot read it anyway).
 */
export const platformAdminsFrom = (db: Kysely<PlatformDatabase>) =>
  db.selectFrom('platform.platform_admins as a').leftJoin('platform.admin_mfa as m', 'm.admin_id', 'a.id');

export const PLATFORM_ADMIN_COLUMNS = [
  'a.id',
  'a.email',
  'a.role',
  'a.created_at',
  'm.status as mfa_status',
] as const;

/** The API shape of an administrator row. */
export function toPlatformAdmin(row: {
  id: string;
  email: string;
  role: string;
  created_at: Date | string;
  mfa_status: string | null;
}): PlatformAdmin {
  return {
    id: row.id,
    email: row.email,
    role: row.role as PlatformAdmin['role'],
    mfa: row.mfa_status === 'active' ? 'enabled' : row.mfa_status === 'pending' ? 'pending' : 'off',
    created_at: new Date(row.created_at).toISOString(),
  };
}

/** One administrator; a missing one is NOT_FOUND. */
export async function getPlatformAdmin(db: Kysely<PlatformDatabase>, id: string): Promise<PlatformAdmin> {
  const row = await findOrNotFound('Platform administrator', id, (uuid) =>
    platformAdminsFrom(db).select(PLATFORM_ADMIN_COLUMNS).where('a.id', '=', uuid).executeTakeFirst(),
  );
  return toPlatformAdmin(row);
}
