import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../config.js';
import { hashPassword } from '../identity/passwords.js';
import { findAdminCredentials } from '../modules/auth/find-admin-credentials.js';
import { recordPlatformAudit } from '../modules/audit/record-platform-audit.js';
import { provisionTenant } from '../modules/tenants/provision-tenant.js';
import type { Tenancy } from '../tenancy/tenancy.js';
import type { TenantId } from '../tenancy/tenant-id.js';

export const DEFAULT_TENANT = 'default' as TenantId;

/**
 * First start only: the platform administrator and the `default` tenant (enterprise, pool), so a
 * single-customer install works at once. Nothing is re-created on restart; an interrupted
 * default tenant is completed.
 */
export async function bootstrapPlatform(
  tenancy: Tenancy,
  config: Config,
  log: (line: string) => void,
): Promise<void> {
  const db = tenancy.platformDb;
  const anyAdmin = await db.selectFrom('platform.platform_admins').select('id').limit(1).executeTakeFirst();
  let ownerEmail = config.adminEmail ?? 'admin@localhost';
  let ownerHash: string | null = null;
  if (!anyAdmin) {
    const password = config.adminPassword ?? randomBytes(12).toString('base64url');
    ownerHash = await hashPassword(password);
    const inserted = await db
      .insertInto('platform.platform_admins')
      .values({ id: uuidv7(), email: ownerEmail.toLowerCase(), password_hash: ownerHash })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      await recordPlatformAudit(db, {
        action: 'admin.bootstrap',
        targetType: 'platform_admin',
        targetId: inserted.id,
      });
      if (!config.adminPassword) {
        log(`created platform administrator ${ownerEmail} with generated password: ${password}`);
        log('this password is shown once; set ADMIN_PASSWORD to choose your own on a fresh install');
      } else {
        log(`created platform administrator ${ownerEmail}`);
      }
    }
  } else {
    ownerEmail = (
      await db
        .selectFrom('platform.platform_admins')
        .select('email')
        .orderBy('created_at')
        .executeTakeFirstOrThrow()
    ).email;
  }

  const existing = await tenancy.registry.load(DEFAULT_TENANT);
  if (existing?.status === 'active' || existing?.status === 'suspended' || existing?.status === 'deleted')
    return;
  if (!existing) {
    const now = new Date();
    await db
      .insertInto('platform.tenants')
      .values({
        id: DEFAULT_TENANT,
        name: 'Default',
        status: 'provisioning',
        provisioning_step: 'registered',
        provisioning_error: null,
        tier: 'enterprise',
        isolation: 'pool',
        placement: 'default',
        business_domain: 'default',
        feature_overrides: '{}',
        branding: JSON.stringify({ company_name: 'Default', primary_color: null, logo_url: null }),
        settings: '{}',
        limit_overrides: '{}',
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  const tenant = (await tenancy.registry.load(DEFAULT_TENANT))!;
  // The default tenant's first owner shares the administrator's email and password.
  const adminHash = ownerHash ?? (await findAdminCredentials(tenancy.adminPool, ownerEmail))?.password_hash;
  if (!adminHash) throw new Error(`platform administrator ${ownerEmail} not found`);
  await provisionTenant(tenancy, tenant, { email: ownerEmail, passwordHash: adminHash });
  log('created the default tenant (enterprise tier, pool isolation)');
}
