import type { TenantLocation } from '../isolation/isolation-model.js';
import type { Tenancy } from '../tenancy.js';
import { newRolePassword } from './tenant-credentials.js';
import { alterRolePassword } from './tenant-roles.js';

/** What one rotation did; a tenant without a login password has nothing to rotate. */
export interface CredentialRotation {
  tenant: string;
  rotated: boolean;
  reason?: string;
}

async function inTransaction(client: { query(text: string): Promise<unknown> }, work: () => Promise<void>) {
  await client.query('begin');
  try {
    await work();
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * Gives a `database` tenant's role a new password without failing a request: connections already
 * open stay logged in (PostgreSQL checks a password at login only) and leave the pool by its idle
 * timeout; every new one uses the new password. On the default server the sealed secret and the
 * ALTER ROLE commit in one transaction, so no reader ever sees a password the role does not have;
 * on another server the role changes first, and a process still holding the old one is refused
 * once (28P01), re-reads the secret and connects (DatabaseIsolation.connect).
 */
export async function rotateTenantCredentials(
  tenancy: Tenancy,
  tenant: TenantLocation & { storage_role?: string | null },
): Promise<CredentialRotation> {
  if (tenant.isolation !== 'database')
    return {
      tenant: tenant.id,
      rotated: false,
      reason: `a ${tenant.isolation} tenant's role has no password`,
    };
  if (!tenant.storage_role)
    return { tenant: tenant.id, rotated: false, reason: 'no role of its own yet (run `tenantbase migrate`)' };
  const role = tenant.storage_role;
  const password = newRolePassword();
  if (tenant.placement === 'default') {
    const client = await tenancy.adminPool.connect();
    try {
      await inTransaction(client, async () => {
        await tenancy.credentials.store(tenant.id, password, client);
        await alterRolePassword(client, role, password);
      });
    } finally {
      client.release();
    }
  } else {
    const { client } = await tenancy.ownerStorage(tenant);
    try {
      await inTransaction(client, () => alterRolePassword(client, role, password));
    } finally {
      await client.end();
    }
    await tenancy.credentials.store(tenant.id, password);
  }
  tenancy.credentials.remember(tenant.id, password);
  return { tenant: tenant.id, rotated: true };
}
