import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { LimitDecision } from '../../protection/rate-limits.js';
import { effectiveLimits } from '../../tenancy/tiers.js';
import type { HttpServices } from '../http-services.js';

function rateLimited(decision: LimitDecision, what: string): AppError {
  return new AppError('RATE_LIMITED', `Too many ${what}; retry in ${decision.retryAfterSeconds} s`, {
    headers: { 'Retry-After': String(decision.retryAfterSeconds) },
  });
}

/**
 * Per-tenant API budget (requests per minute, by tier; anonymous callers per address) checked last
 * of the request checks, and
 * per-resource creation quotas (per hour) spent only once a create request passed validation.
 */
export function rateLimitPlugin(app: FastifyInstance, services: HttpServices): void {
  const { rateLimits, metrics } = services;

  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const tenant = request.tenant;
    if (!tenant) return;
    const perMinute = effectiveLimits(tenant.tier, tenant.limit_overrides).api_per_minute;
    if (perMinute === null) return;
    // A caller without a token (the sign-in page's branding, a login) spends a budget of its own
    // address, so nobody outside a tenant can use up the requests its signed-in users live on.
    const decision = request.principal
      ? await rateLimits.consume(
          { name: 'api', points: perMinute, durationSeconds: 60, class: 'general' },
          tenant.id,
        )
      : await rateLimits.consume(
          { name: 'api-anonymous', points: perMinute, durationSeconds: 60, class: 'general' },
          `${tenant.id}|${request.ip}`,
        );
    reply.header('X-RateLimit-Limit', String(decision.limit));
    reply.header('X-RateLimit-Remaining', String(decision.remaining));
    reply.header('X-RateLimit-Reset', String(decision.resetAt));
    if (!decision.allowed) {
      metrics.rateLimited.inc({ tenant: metrics.tenants.label(tenant.id), limit: 'api' });
      throw rateLimited(decision, 'requests for this tenant');
    }
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    const tenant = request.tenant;
    const resource = request.routeOptions.config.quota;
    if (!tenant || !resource) return;
    const perHour = effectiveLimits(tenant.tier, tenant.limit_overrides).creates_per_hour[resource];
    if (perHour === null || perHour === undefined) return;
    const decision = await rateLimits.consume(
      { name: `create:${resource}`, points: perHour, durationSeconds: 3600, class: 'general' },
      tenant.id,
    );
    if (!decision.allowed) {
      metrics.rateLimited.inc({ tenant: metrics.tenants.label(tenant.id), limit: `create:${resource}` });
      throw rateLimited(decision, `${resource} created this hour`);
    }
  });
}
