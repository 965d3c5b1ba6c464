import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { AppServices } from '../../app/app-services.js';
import type { LimitRule } from '../../protection/rate-limits.js';

// Strict: without the shared store we cannot tell a mail bomb from a forgetful user (fail closed).
const PER_ACCOUNT: LimitRule = {
  name: 'forgot-password:account',
  points: 5,
  durationSeconds: 3600,
  class: 'strict',
};
const PER_ADDRESS: LimitRule = {
  name: 'forgot-password:address',
  points: 20,
  durationSeconds: 3600,
  class: 'strict',
};

/**
 * Caps reset mails per email and tenant (so nobody floods one inbox) and per source address
 * (so nobody probes many). Counted whether or not the account exists, so the limit says nothing
 * about existence either.
 */
export async function limitResetRequests(
  request: FastifyRequest,
  services: AppServices,
  tenantId: string | null,
  email: string,
): Promise<void> {
  const account = `${tenantId ?? '-'}:${email.toLowerCase()}`;
  for (const [rule, key] of [
    [PER_ADDRESS, request.ip],
    [PER_ACCOUNT, account],
  ] as const) {
    const decision = await services.rateLimits.consume(rule, key);
    if (!decision.allowed) {
      throw new AppError(
        'RATE_LIMITED',
        `Too many password reset requests; retry in ${decision.retryAfterSeconds} s`,
        {
          headers: { 'Retry-After': String(decision.retryAfterSeconds) },
        },
      );
    }
  }
}
