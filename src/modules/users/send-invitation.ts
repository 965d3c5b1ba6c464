import type { MailQueue } from '../../mail/mail-queue.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { invitationMail } from './account-mails.js';
import { issueUserToken } from './user-tokens.js';

/**
 * Issues an invitation token for an invited user and queues the mail with the link once the
 * caller's transaction commits: a rolled-back invitation mails nothing. Any earlier link of the
 * user stops working.
 */
export async function sendInvitation(
  scope: TenantScope,
  user: { id: string; email: string },
  mail: MailQueue,
  tenant: { id: string; name: string },
): Promise<void> {
  const token = await issueUserToken(scope, user.id, 'invitation');
  mail.afterCommit(scope, invitationMail(mail, user.email, token, tenant));
}
