import { sql } from 'kysely';
import type { AppServices } from '../../app/app-services.js';
import { AppError } from '../../errors.js';
import { hashPassword } from '../../identity/passwords.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { businessDomainProblem } from '../tenants/check-business-domain.js';
import { tenantIdEverUsed } from './check-availability.js';
import { signupVerificationMail } from './signup-mail.js';
import type { SignupBody, SignupProgress } from './signup.schema.js';
import { newSignupToken } from './signup-token.js';
import { SIGNUP_TTL_SECONDS } from './signups.table.js';

/** What a signup needs of the app's services. */
export type SignupDeps = Pick<AppServices, 'tenancy' | 'mail' | 'config'>;

export const idTaken = () => new AppError('CONFLICT', 'This workspace id is taken; choose another');

/**
 * Files a self-service signup (SPEC §8): the id must be free (no registry row ever, no live
 * signup of another address), the password is hashed at once, and the verification mail is
 * queued in the same transaction as the row, so it is sent only if the signup commits. Signing up
 * again with the same address and id replaces the pending signup: the old link stops working.
 */
export async function createSignup(deps: SignupDeps, input: SignupBody): Promise<SignupProgress> {
  if (!deps.config.signupEnabled) throw new AppError('FORBIDDEN', 'Self-service signup is turned off here');
  const tenantId = parseTenantId(input.tenant_id.trim(), 'tenant_id');
  const details = businessDomainProblem(input.business_domain);
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'The request is invalid', { details });
  const db = deps.tenancy.platformDb;
  if (await tenantIdEverUsed(db, tenantId)) throw idTaken();
  const email = input.email.trim().toLowerCase();
  const companyName = input.company_name.trim();
  const passwordHash = await hashPassword(input.password);
  const { token, hash } = newSignupToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SIGNUP_TTL_SECONDS * 1000);
  await db.transaction().execute(async (trx) => {
    // One row per id: an expired signup, or this address's own pending one, gives way.
    const { rows } = await sql<{ tenant_id: string }>`
      insert into platform.signups as s
        (tenant_id, company_name, email, business_domain, password_hash, token_hash, created_at, expires_at)
      values (${tenantId}, ${companyName}, ${email}, ${input.business_domain ?? 'default'},
        ${passwordHash}, ${hash}, ${now}, ${expiresAt})
      on conflict (tenant_id) do update set
        company_name = excluded.company_name, email = excluded.email,
        business_domain = excluded.business_domain, password_hash = excluded.password_hash,
        token_hash = excluded.token_hash, created_at = excluded.created_at,
        expires_at = excluded.expires_at, verified_at = null
      where s.verified_at is null and (s.email = excluded.email or s.expires_at <= now())
      returning s.tenant_id`.execute(trx);
    if (rows.length === 0) throw idTaken();
    await deps.mail.enqueue(
      signupVerificationMail(deps.mail, { email, tenantId, companyName }, token),
      trx,
    );
  });
  return { tenant_id: tenantId, status: 'pending_verification' };
}
