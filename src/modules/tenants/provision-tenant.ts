import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import { type FirstOwner, seedTenantIdentity } from '../identity/seed-tenant-identity.js';
import { inviteFirstOwner } from '../users/invite-first-owner.js';
import type { MailQueue } from '../../mail/mail-queue.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../../tenancy/tenancy.js';

/**
 * Runs the provisioning steps (`provisioning_step`) in order; each is idempotent, so running this again
 * after a failure (or a crash) completes the tenant. A failure leaves `failed` with its reason.
 */
export async function provisionTenant(
  tenancy: Tenancy,
  tenant: TenantRecord,
  owner: FirstOwner,
  /** Mails the invitation of an owner created without a password. */
  mail?: MailQueue,
): Promise<void> {
  const { registry } = tenancy;
  try {
    await registry.setStatus(tenant.id, {
      status: 'provisioning',
      provisioning_step: 'create_storage',
      provisioning_error: null,
    });
    await tenancy.provision(tenant);
    await registry.setStatus(tenant.id, { provisioning_step: 'seed_identity' });
    await tenancy.withTenant(tenant, (scope) => seedTenantIdentity(scope, owner));
    await registry.setStatus(tenant.id, { provisioning_step: 'seed_domain' });
    await tenancy.seed(tenant);
    if (owner.passwordHash === null) {
      if (!mail) throw new Error('an owner without a password needs a mailer for the invitation');
      await registry.setStatus(tenant.id, { provisioning_step: 'invite_owner' });
      await tenancy.withTenant(tenant, (scope) => inviteFirstOwner(scope, tenant, owner.email, mail));
    }
    await registry.setStatus(tenant.id, { status: 'active', provisioning_step: null });
    await recordPlatformAudit(registry.db, {
      action: 'tenant.provisioned',
      targetType: 'tenant',
      targetId: tenant.id,
      tenantId: tenant.id,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await registry.setStatus(tenant.id, { status: 'failed', provisioning_error: reason.slice(0, 500) });
    throw error;
  }
}
