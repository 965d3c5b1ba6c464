import type { MailQueue } from '../../mail/mail-queue.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { sendInvitation } from './send-invitation.js';

/**
 * Provisioning step for a tenant created without an owner password: mails the seeded (still
 * `invited`) owner an invitation. Safe to run again: once the owner accepted it does nothing,
 * and before that each run leaves exactly one working link, the newest. The caller opens the
 * scope, so the audit entry and the link commit together with whatever else it holds.
 */
export async function inviteFirstOwner(
  scope: TenantScope,
  tenant: Pick<TenantRecord, 'id' | 'name'>,
  email: string,
  mail: MailQueue,
): Promise<void> {
  const owner = await scope.db
    .selectFrom('users')
    .select(['id', 'email', 'status'])
    .where('tenant_id', '=', scope.tenantId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (!owner || owner.status !== 'invited') return;
  await recordAudit(scope, {
    action: 'user.invite',
    targetType: 'user',
    targetId: owner.id,
    after: { email: owner.email, roles: ['owner'], status: owner.status },
  });
  await sendInvitation(scope, owner, mail, { id: tenant.id, name: tenant.name });
}
