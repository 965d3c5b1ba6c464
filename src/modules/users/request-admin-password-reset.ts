import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { MailQueue } from '../../mail/mail-queue.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { passwordResetMail } from './account-mails.js';
import { newAccountToken, PLATFORM_TOKEN_PREFIX } from './account-token.js';
import './admin-tokens.table.js';
import { TOKEN_TTL_SECONDS } from './user-tokens.js';

/**
 * Forgot-password with no tenant: mails a reset link to the platform administrator with this
 * email, if there is one, and otherwise does nothing (the caller answers the same either way).
 */
export async function requestAdminPasswordReset(
  db: Kysely<PlatformDatabase>,
  email: string,
  mail: MailQueue,
): Promise<void> {
  const admin = await db
    .selectFrom('platform.platform_admins')
    .select(['id', 'email'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (!admin) return;
  const { token, hash } = newAccountToken(PLATFORM_TOKEN_PREFIX);
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('platform.admin_tokens')
      .set({ used_at: now })
      .where('admin_id', '=', admin.id)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('platform.admin_tokens')
      .values({
        id: uuidv7(),
        admin_id: admin.id,
        purpose: 'password_reset',
        token_hash: hash,
        expires_at: new Date(now.getTime() + TOKEN_TTL_SECONDS.password_reset * 1000),
        used_at: null,
        created_at: now,
      })
      .execute();
    await recordPlatformAudit(trx, {
      action: 'admin.password_reset_request',
      targetType: 'platform_admin',
      targetId: admin.id,
    });
    // Queued in this transaction: the mail job exists exactly when the token does.
    await mail.enqueue(passwordResetMail(mail, admin.email, token, null), trx);
  });
}
