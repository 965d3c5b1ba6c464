import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { hashAccountToken, invalidToken } from './account-token.js';
import './admin-tokens.table.js';

/** Sets a platform administrator's new password with a reset link; the link works once. */
export async function resetAdminPassword(
  db: Kysely<PlatformDatabase>,
  token: string,
  passwordHash: string,
): Promise<{ id: string; email: string }> {
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable('platform.admin_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', hashAccountToken(token))
      .where('purpose', '=', 'password_reset')
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning('admin_id')
      .executeTakeFirst();
    if (!spent) throw invalidToken();
    const admin = await trx
      .updateTable('platform.platform_admins')
      .set({ password_hash: passwordHash })
      .where('id', '=', spent.admin_id)
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
    await recordPlatformAudit(trx, {
      action: 'admin.password_reset',
      targetType: 'platform_admin',
      targetId: admin.id,
    });
    return admin;
  });
}
