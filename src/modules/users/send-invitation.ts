import type { Mailer } from '../../mail/mailer.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { invitationMail } from './account-mails.js';
import { issueUserToken } from './user-tokens.js';

/**
 * Issues an invitation token for an invited user and mails the link, in the caller's
 * transaction: if the mail cannot be sent, the invitation is not kept either, and a retry
 * starts clean. Any earlier link of the user stops working.
 */
export async function sendInvitation(
  scope: TenantScope,
  user: { id: string; email: string },
  mailer: Mailer,
  tenant: { id: string; name: string },
): Promise<void> {
  const token = await issueUserToken(scope, user.id, 'invitation');
  await mailer.send(invitationMail(mailer, user.email, token, tenant));
}
