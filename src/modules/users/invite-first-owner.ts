import type { MailQueue } from '../../mail/mail-queue.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { recordAudit } from '../audit/record-audit.js';
import { sendInvitation } from './send-invitation.js';

/**
 * Provisioning step for a tenant created without an owner password: mails the seeded (still
 * `invited`) owner an invitation. Safe to run again: once the owner accepted it does nothing,
 * and before that each run leaves exactly one working link, the newest.
 */
export async function inviteFirstOwner(
  tenancy: Tenancy,
  tenant: TenantRecord,
  email: string,
  mail: MailQueue,
): Promise<void> {
  await tenancy.withTenant(tenant, async (scope) => {
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
  });
}
