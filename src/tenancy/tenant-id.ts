import { AppError } from '../errors.js';

/** A tenant id that passed the slug rule once, at the edge; only `parseTenantId` makes one. */
export type TenantId = string & { readonly __brand: 'TenantId' };

const SLUG = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;
const RESERVED = new Set(['www', 'api', 'app', 'admin', 'internal']);

/** True when `raw` is a syntactically valid tenant id (a slug), reserved names excluded. */
export function isTenantId(raw: unknown): raw is TenantId {
  return typeof raw === 'string' && SLUG.test(raw) && !RESERVED.has(raw);
}

/** Validates a tenant id from outside; a bad one is a 400 long before any SQL sees it. */
export function parseTenantId(raw: unknown, path = 'tenant_id'): TenantId {
  if (isTenantId(raw)) return raw;
  const reserved = typeof raw === 'string' && RESERVED.has(raw);
  throw new AppError('VALIDATION_FAILED', 'The tenant id is invalid', {
    details: [
      {
        path,
        message: reserved
          ? 'this tenant id is reserved'
          : 'expected 3-40 characters: lowercase letters, digits and hyphens, starting with a letter',
      },
    ],
  });
}
