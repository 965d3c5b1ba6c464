import type { Mailer } from '../../mail/mailer.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { passwordResetMail } from './account-mails.js';
import { issueUserToken } from './user-tokens.js';

/**
 * Mails a reset link when an active user has this email; otherwise does nothing. The caller
 * answers the same either way, so this never tells whether an account exists.
 */
export async function requestPasswordReset(scope: TenantScope, email: string, mailer: Mailer): Promise<void> {
  const user = await scope.db
    .selectFrom('users')
    .select(['id', 'email', 'status'])
    .where('tenant_id', '=', scope.tenantId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (!user || user.status !== 'active') return;
  const token = await issueUserToken(scope, user.id, 'password_reset');
  await recordAudit(scope, { action: 'user.password_reset_request', targetType: 'user', targetId: user.id });
  await mailer.send(passwordResetMail(mailer, user.email, token, scope.tenantId));
}
