import { createHash } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { LimitRule, RateLimits } from '../../protection/rate-limits.js';

/** Attempts one account may fail in a window, before even the right password is refused. */
export const ACCOUNT_FAILURES = 5;
/** Attempts one source address may fail in a window, across all accounts. */
export const ADDRESS_FAILURES = 50;

export interface LoginAttempt {
  /** Clears the account's count and gives the address its attempt back. */
  succeeded(): Promise<void>;
}

function tooMany(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', `Too many failed sign-ins; retry in ${retryAfterSeconds} s`, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

// Keys name no email in the shared store; the digest is enough to count.
const keyOf = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * Counts an attempt against the source address and the account before any password work, so
 * parallel guesses are counted too; 429 when either has none left. Strict limits fail closed
 * (503) when the shared store is down. A window ends by itself, so a lockout always expires.
 */
export async function beginLoginAttempt(
  limits: RateLimits,
  windowSeconds: number,
  who: { scope: string; account: string; address: string },
): Promise<LoginAttempt> {
  const address: LimitRule = {
    name: 'login-address',
    points: ADDRESS_FAILURES,
    durationSeconds: windowSeconds,
    class: 'strict',
  };
  const account: LimitRule = {
    name: 'login-account',
    points: ACCOUNT_FAILURES,
    durationSeconds: windowSeconds,
    class: 'strict',
  };
  const addressKey = keyOf(who.address);
  const accountKey = keyOf(`${who.scope}\n${who.account.toLowerCase()}`);
  const byAddress = await limits.consume(address, addressKey);
  if (!byAddress.allowed) throw tooMany(byAddress.retryAfterSeconds);
  const byAccount = await limits.consume(account, accountKey);
  if (!byAccount.allowed) throw tooMany(byAccount.retryAfterSeconds);
  return {
    async succeeded() {
      await limits.reset(account, accountKey);
      // A negative cost is rate-limiter-flexible's reward: the address keeps only its failures.
      await limits.consume(address, addressKey, -1);
    },
  };
}
