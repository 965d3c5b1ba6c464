import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../errors.js';
import type { LimitRule, RateLimits } from '../../protection/rate-limits.js';

/** Attempts one address may fail on one account in a window; then that address waits it out. */
export const PAIR_FAILURES = 5;
/** Attempts one source address may fail in a window, across all accounts. */
export const ADDRESS_FAILURES = 50;
/** Failures on one account, from any address, after which each attempt on it is slowed down. */
export const ACCOUNT_SLOWDOWN_AFTER = 5;
/** The longest an attempt is held: a right password always gets through, at worst this late. */
export const MAX_SLOWDOWN_MS = 10_000;
// Only counted, never refused: refusing the account is the lockout anyone could trigger.
const ACCOUNT_COUNT_ONLY = 1_000_000;

export interface LoginAttempt {
  /** How long this attempt was held back because its account is under attack. */
  delayedMs: number;
  /** Clears the account's and the pair's counts and gives the address its attempt back. */
  succeeded(): Promise<void>;
}

/** The hold for an attempt after `failures` on its account: 1 s, doubling, capped. */
export function slowdownMs(failures: number): number {
  if (failures < ACCOUNT_SLOWDOWN_AFTER) return 0;
  return Math.min(MAX_SLOWDOWN_MS, 1000 * 2 ** (failures - ACCOUNT_SLOWDOWN_AFTER));
}

function tooMany(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', `Too many failed sign-ins; retry in ${retryAfterSeconds} s`, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

// Keys name no email in the shared store; the digest is enough to count.
const keyOf = (value: string) => createHash('sha256').update(value).digest('base64url');

const rule = (name: string, points: number, durationSeconds: number): LimitRule => ({
  name,
  points,
  durationSeconds,
  class: 'strict',
});

/**
 * Counts an attempt before any password work, so parallel guesses are counted too. An address
 * that fails too often overall, or on this account, gets 429; the account itself is never
 * locked (anyone could lock anyone), its attempts are slowed down instead, so a right password
 * from another address still signs in. Strict limits fail closed (503) when the store is down.
 */
export async function beginLoginAttempt(
  limits: RateLimits,
  windowSeconds: number,
  who: { scope: string; account: string; address: string },
): Promise<LoginAttempt> {
  const address = rule('login-address', ADDRESS_FAILURES, windowSeconds);
  const pair = rule('login-account-address', PAIR_FAILURES, windowSeconds);
  const account = rule('login-account', ACCOUNT_COUNT_ONLY, windowSeconds);
  const addressKey = keyOf(who.address);
  const accountKey = keyOf(`${who.scope}\n${who.account.toLowerCase()}`);
  const pairKey = keyOf(`${who.scope}\n${who.account.toLowerCase()}\n${who.address}`);
  const byAddress = await limits.consume(address, addressKey);
  if (!byAddress.allowed) throw tooMany(byAddress.retryAfterSeconds);
  const byPair = await limits.consume(pair, pairKey);
  if (!byPair.allowed) throw tooMany(byPair.retryAfterSeconds);
  const byAccount = await limits.consume(account, accountKey);
  // Attempts in flight count as failures until they succeed; this one is the last of them.
  const delayedMs = slowdownMs(ACCOUNT_COUNT_ONLY - byAccount.remaining - 1);
  // Held before any database work, so the wait holds no connection or transaction.
  if (delayedMs > 0) await sleep(delayedMs);
  return {
    delayedMs,
    async succeeded() {
      await limits.reset(account, accountKey);
      await limits.reset(pair, pairKey);
      // A negative cost is rate-limiter-flexible's reward: the address keeps only its failures.
      await limits.consume(address, addressKey, -1);
    },
  };
}
