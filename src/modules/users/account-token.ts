import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../errors.js';
import { isTenantId, type TenantId } from '../../tenancy/tenant-id.js';

/**
 * Prefix of tokens for platform administrators. `admin` is a reserved tenant id (tenancy/tenant-id.ts), so
 * it can never be mistaken for a tenant's.
 */
export const PLATFORM_TOKEN_PREFIX = 'admin';

/** A mailed token: `<tenant_id>.<secret>`, so a public route finds the storage that holds it. */
export interface AccountToken {
  /** The raw token, for the mail; never stored. */
  token: string;
  /** What is stored and looked up. */
  hash: string;
}

/** What is stored for a token: SHA-256 suffices, the token being 256 random bits. */
export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh random token (256 bits) for `owner`: a tenant id, or the platform prefix. */
export function newAccountToken(owner: TenantId | typeof PLATFORM_TOKEN_PREFIX): AccountToken {
  const token = `${owner}.${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashAccountToken(token) };
}

/** The one answer to any token that does not work: unknown, expired, used or malformed alike. */
export const invalidToken = (): AppError =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', {
    details: [{ path: 'token', message: 'is invalid, expired or already used' }],
  });

/** Where a token was issued: a tenant, or the platform; malformed tokens are invalid. */
export function tokenOwner(token: string): TenantId | typeof PLATFORM_TOKEN_PREFIX {
  const dot = token.indexOf('.');
  const owner = dot > 0 ? token.slice(0, dot) : '';
  if (!/^[A-Za-z0-9_-]{43}$/.test(token.slice(dot + 1))) throw invalidToken();
  if (owner === PLATFORM_TOKEN_PREFIX) return owner;
  if (!isTenantId(owner)) throw invalidToken();
  return owner;
}
