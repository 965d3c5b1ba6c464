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
  await db
    .transaction()
    .execute(async (trx) => {
      // One row per id: an expired signup, or this address's own pending one, gives way.
      const held = await trx
        .selectFrom('platform.signups')
        .select(['email', 'verified_at', sql<boolean>`expires_at <= now()`.as('expired')])
        .where('tenant_id', '=', tenantId)
        .forUpdate()
        .executeTakeFirst();
      if (held && (held.verified_at !== null || (held.email !== email && !held.expired))) throw idTaken();
      if (held) await trx.deleteFrom('platform.signups').where('tenant_id', '=', tenantId).execute();
      await trx
        .insertInto('platform.signups')
        .values({
          tenant_id: tenantId,
          company_name: companyName,
          email,
          business_domain: input.business_domain ?? 'default',
          password_hash: passwordHash,
          token_hash: hash,
          created_at: now,
          expires_at: expiresAt,
          verified_at: null,
        })
        .execute();
      await deps.mail.enqueue(
        signupVerificationMail(deps.mail, { email, tenantId, companyName }, token),
        trx,
      );
    })
    .catch((error: unknown) => {
      // Two first signups of one id at once: the second meets the first's primary key.
      if ((error as { code?: string }).code === '23505') throw idTaken();
      throw error;
    });
  return { tenant_id: tenantId, status: 'pending_verification' };
}
