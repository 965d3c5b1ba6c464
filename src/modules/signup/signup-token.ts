import { createHash, randomBytes } from 'node:crypto';

/** Every signup token starts so (SPEC §8): `verify-email` tells it from a tenant's own tokens. */
export const SIGNUP_TOKEN_PREFIX = 'signup_';

/** A fresh signup token (256 random bits) and the SHA-256 that is all the database keeps. */
export function newSignupToken(): { token: string; hash: string } {
  const token = `${SIGNUP_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSignupToken(token) };
}

export function hashSignupToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a mailed token is a signup's (the rest are `<tenant_id>.<secret>`). */
export function isSignupToken(token: string): boolean {
  return token.startsWith(SIGNUP_TOKEN_PREFIX);
}
