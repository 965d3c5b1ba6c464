import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { hashAccountToken, invalidToken, newAccountToken } from './account-token.js';
import type { TokenPurpose } from './users.tables.js';

/** How long a mailed link works. */
export const TOKEN_TTL_SECONDS: Record<TokenPurpose, number> = {
  invitation: 7 * 86400,
  password_reset: 3600,
  email_verification: 3 * 86400,
};

/**
 * Issues a single-use token for `userId` and retires the user's earlier unused ones of the same
 * purpose, so only the newest link mailed to them works. Returns the raw token for the mail.
 */
export async function issueUserToken(
  scope: TenantScope,
  userId: string,
  purpose: TokenPurpose,
): Promise<string> {
  const now = new Date();
  await scope.db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
  const { token, hash } = newAccountToken(scope.tenantId);
  await scope.db
    .insertInto('user_tokens')
    .values({
      tenant_id: scope.tenantId,
      id: uuidv7(),
      user_id: userId,
      purpose,
      token_hash: hash,
      expires_at: new Date(now.getTime() + TOKEN_TTL_SECONDS[purpose] * 1000),
      used_at: null,
      created_at: now,
    })
    .execute();
  return token;
}

/**
 * Spends a token: marks it used if it is of `purpose`, unused and unexpired, and returns its
 * user. The conditional update is the single-use guarantee: of two concurrent uses, the second
 * waits for the first and then finds nothing to update.
 */
export async function consumeUserToken(
  scope: TenantScope,
  token: string,
  purpose: TokenPurpose,
): Promise<string> {
  const spent = await scope.db
    .updateTable('user_tokens')
    .set({ used_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('token_hash', '=', hashAccountToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('user_id')
    .executeTakeFirst();
  if (!spent) throw invalidToken();
  return spent.user_id;
}
