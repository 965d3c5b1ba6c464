import { createHash } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { LimitRule, RateLimits } from '../../protection/rate-limits.js';

/** Requests one source address may file per hour (an office behind one NAT files a few). */
export const DEMO_REQUESTS_PER_ADDRESS: LimitRule = {
  name: 'demo-requests-address',
  points: 10,
  durationSeconds: 3600,
  class: 'strict',
};

/** Requests one email address may file per day: anyone may type anyone's address into the form. */
export const DEMO_REQUESTS_PER_EMAIL: LimitRule = {
  name: 'demo-requests-email',
  points: 3,
  durationSeconds: 86_400,
  class: 'strict',
};

// Keys name no address in the shared store; the digest is enough to count.
const keyOf = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * Spends one demo request of the source address and of the email address, with the shared
 * limiter; 429 when either has none left. Strict: without the store (Redis down) it refuses
 * (503) rather than let a public form be flooded.
 */
export async function limitDemoRequests(
  limits: RateLimits,
  who: { address: string; email: string },
): Promise<void> {
  for (const [rule, key] of [
    [DEMO_REQUESTS_PER_ADDRESS, keyOf(who.address)],
    [DEMO_REQUESTS_PER_EMAIL, keyOf(who.email.trim().toLowerCase())],
  ] as const) {
    const decision = await limits.consume(rule, key);
    if (!decision.allowed) {
      throw new AppError('RATE_LIMITED', `Too many demo requests; retry in ${decision.retryAfterSeconds} s`, {
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      });
    }
  }
}
