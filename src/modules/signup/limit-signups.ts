import { createHash } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { LimitRule, RateLimits } from '../../protection/rate-limits.js';

/** Signups one source address may start per hour (an office behind one NAT signs up a few). */
export const SIGNUPS_PER_ADDRESS: LimitRule = {
  name: 'signups-address',
  points: 10,
  durationSeconds: 3600,
  class: 'strict',
};

/** Signups one email address may receive per day: anyone may type anyone's address into the form. */
export const SIGNUPS_PER_EMAIL: LimitRule = {
  name: 'signups-email',
  points: 5,
  durationSeconds: 86_400,
  class: 'strict',
};

/** Availability checks one address may make per minute: the form checks as the id is typed. */
export const AVAILABILITY_PER_ADDRESS: LimitRule = {
  name: 'signup-availability-address',
  points: 60,
  durationSeconds: 60,
  class: 'strict',
};

// Keys name no address in the shared store; the digest is enough to count.
const keyOf = (value: string) => createHash('sha256').update(value).digest('base64url');

async function spend(limits: RateLimits, rule: LimitRule, value: string): Promise<void> {
  const decision = await limits.consume(rule, keyOf(value));
  if (!decision.allowed) {
    throw new AppError('RATE_LIMITED', `Too many attempts; retry in ${decision.retryAfterSeconds} s`, {
      headers: { 'Retry-After': String(decision.retryAfterSeconds) },
    });
  }
}

/**
 * Spends one signup of the source address and of the email address; 429 when either has none
 * left. Strict: without the shared store (Redis down) it refuses with 503 rather than let a
 * public form mail anyone.
 */
export async function limitSignups(limits: RateLimits, who: { address: string; email: string }) {
  await spend(limits, SIGNUPS_PER_ADDRESS, who.address);
  await spend(limits, SIGNUPS_PER_EMAIL, who.email.trim().toLowerCase());
}

/** Spends one availability check of the source address (strict, like the signup it prepares). */
export function limitAvailabilityChecks(limits: RateLimits, address: string): Promise<void> {
  return spend(limits, AVAILABILITY_PER_ADDRESS, address);
}
