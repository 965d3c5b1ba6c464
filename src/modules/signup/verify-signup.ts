import { sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { resolveTenant, type TenantHints } from '../../tenancy/resolution/resolve-tenant.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { createTenant } from '../tenants/create-tenant.js';
import type { CreateTenantBody } from '../tenants/tenants.schema.js';
import { idTaken } from './create-signup.js';
import type { SignupProgress } from './signup.schema.js';
import { hashSignupToken } from './signup-token.js';

interface PendingSignup {
  tenant_id: string;
  company_name: string;
  email: string;
  business_domain: string;
  password_hash: string;
  expired: boolean;
  verified: boolean;
}

/** The same answer as every other mailed token that does not work: unknown, expired or malformed. */
export const invalidSignupToken = (): AppError =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', {
    details: [{ path: 'token', message: 'is invalid, expired or already used' }],
  });

/** Where the tenant a verified signup became stands now (the console polls with its link). */
async function progressOf(tenancy: Tenancy, tenantId: string): Promise<SignupProgress> {
  const tenant = await tenancy.registry.load(parseTenantId(tenantId));
  return { tenant_id: tenantId, status: tenant?.status ?? 'deleted' };
}

/**
 * Follows a signup's link: registers the tenant (standard tier, its default isolation, the chosen
 * business domain) with the signer as owner and queues its provisioning, in one transaction that
 * also marks the signup verified. The password hash is read over the owner connection: the
 * application role may write it but never read it back. Following the link again answers the
 * tenant's progress and creates nothing. The signup's id is the tenant the request acts for: one
 * naming another (`named`) is refused before anything is created or told.
 */
export async function verifySignup(
  tenancy: Tenancy,
  token: string,
  named: Pick<TenantHints, 'header' | 'host' | 'query'>,
): Promise<SignupProgress> {
  const tokenHash = hashSignupToken(token);
  const { rows } = await tenancy.adminPool.query<PendingSignup>(
    `select tenant_id, company_name, email, business_domain, password_hash,
            expires_at <= now() as expired, verified_at is not null as verified
       from platform.signups where token_hash = $1`,
    [tokenHash],
  );
  const signup = rows[0];
  if (!signup) throw invalidSignupToken();
  resolveTenant({ ...named, claim: parseTenantId(signup.tenant_id), body: undefined });
  if (signup.verified) return progressOf(tenancy, signup.tenant_id);
  if (signup.expired) throw invalidSignupToken();
  try {
    await createTenant(
      tenancy,
      {
        id: signup.tenant_id,
        name: signup.company_name,
        tier: 'standard',
        business_domain: signup.business_domain as CreateTenantBody['business_domain'],
        admin_email: signup.email,
      },
      {
        ownerPasswordHash: signup.password_hash,
        // The link that reached the signer proves the address the owner signs in with.
        ownerEmailVerified: true,
        within: async (trx) => {
          const spent = await trx
            .updateTable('platform.signups')
            .set({ verified_at: new Date() })
            .where('tenant_id', '=', signup.tenant_id)
            .where('token_hash', '=', tokenHash)
            .where('verified_at', 'is', null)
            .where('expires_at', '>', sql<Date>`now()`)
            .returning('tenant_id')
            .executeTakeFirst();
          if (!spent) throw invalidSignupToken();
        },
      },
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
    // The same link followed twice at once: the other request made the tenant.
    const again = await tenancy.platformDb
      .selectFrom('platform.signups')
      .select('verified_at')
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (again?.verified_at) return progressOf(tenancy, signup.tenant_id);
    // An administrator (or a demo approval) took the id while the mail was unread.
    throw idTaken();
  }
  // A sign-in tried before the link was followed may have cached "no such tenant" here.
  tenancy.registry.invalidate(parseTenantId(signup.tenant_id));
  return { tenant_id: signup.tenant_id, status: 'provisioning' };
}

/**
 * Deletes unverified signups past their 48 hours (freeing their ids) and verified ones kept that
 * long for their link's progress answer. `now` is a parameter so tests need no waiting.
 */
export async function purgeExpiredSignups(tenancy: Tenancy, now = new Date()): Promise<number> {
  const result = await tenancy.platformDb
    .deleteFrom('platform.signups')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
