import type { MailQueue } from '../../mail/mail-queue.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { passwordResetMail } from './account-mails.js';
import { issueUserToken } from './user-tokens.js';

/**
 * Mails a reset link when an active user has this email; otherwise does nothing. The caller
 * answers the same either way, so this never tells whether an account exists.
 */
export async function requestPasswordReset(
  scope: TenantScope,
  email: string,
  mail: MailQueue,
): Promise<void> {
  const user = await scope.db
    .selectFrom('users')
    .select(['id', 'email', 'status'])
    .where('tenant_id', '=', scope.tenantId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (!user || user.status !== 'active') return;
  // A user who signs in through the tenant's identity provider must not gain a local password:
  // it would outlive their offboarding at the provider.
  const external = await scope.db
    .selectFrom('external_identities')
    .select('subject')
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (external) return;
  const token = await issueUserToken(scope, user.id, 'password_reset');
  await recordAudit(scope, { action: 'user.password_reset_request', targetType: 'user', targetId: user.id });
  mail.afterCommit(scope, passwordResetMail(mail, user.email, token, scope.tenantId));
}
