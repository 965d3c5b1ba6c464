import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { PlatformAdmin } from './platform-admins.schema.js';

/**
 * Administrators with their MFA state, oldest first; `id` narrows to one. The password hash is
 * never selected (the application role cannot read it anyway).
 */
export async function findPlatformAdmins(
  db: Kysely<PlatformDatabase>,
  id?: string,
): Promise<PlatformAdmin[]> {
  let query = db
    .selectFrom('platform.platform_admins as a')
    .leftJoin('platform.admin_mfa as m', 'm.admin_id', 'a.id')
    .select(['a.id', 'a.email', 'a.role', 'a.created_at', 'm.status as mfa_status'])
    .orderBy('a.created_at')
    .orderBy('a.id');
  if (id !== undefined) query = query.where('a.id', '=', id);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role as PlatformAdmin['role'],
    mfa: row.mfa_status === 'active' ? 'enabled' : row.mfa_status === 'pending' ? 'pending' : 'off',
    created_at: new Date(row.created_at).toISOString(),
  }));
}
