import type { FastifyContextConfig, FastifySchema } from 'fastify';

type Response = { description: string; $ref: string };

const envelope = (description: string): Response => ({ description, $ref: 'ErrorEnvelope#' });

/**
 * The error responses a route can give, derived from what the request pipeline checks for it
 * (input schema, token, tenant, permission, feature), so no route has to list them by hand.
 */
export function errorResponsesFor(
  method: string,
  config: FastifyContextConfig,
  schema: FastifySchema,
): Record<string, Response> {
  const inTenant = config.tenant !== undefined && config.tenant !== 'none';
  const hasInput = Boolean(schema.body || schema.querystring || schema.params);
  const writes = method !== 'GET' && method !== 'HEAD';
  const responses: Record<string, Response> = {};
  if (hasInput || config.tenant === 'required' || config.tenant === 'tenant-users' || config.tenantFromBody)
    responses['400'] = envelope(
      'VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved).',
    );
  if (!config.public) responses['401'] = envelope('UNAUTHENTICATED: missing, expired or revoked token.');
  // Public routes too: a header, host or query naming another tenant than the token or body does.
  responses['403'] = envelope(
    'FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED.',
  );
  if (schema.params || inTenant || config.tenantFromBody)
    responses['404'] = envelope('NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too.');
  if (writes) responses['409'] = envelope('CONFLICT with the current state (duplicate key, state change).');
  if (inTenant || config.public || config.tenantFromBody || config.quota)
    responses['429'] = envelope('RATE_LIMITED: the `Retry-After` header says when to retry.');
  responses['500'] = envelope('INTERNAL: exposes nothing; quote `request_id`.');
  responses['503'] = envelope(
    'UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`.',
  );
  return responses;
}
