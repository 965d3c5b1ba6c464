import { decodeProtectedHeader, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { AppError } from '../../errors.js';
import { OutboundTargetRefused } from '../../outbound/outbound-policy.js';
import type { OidcProviderRow } from './oidc-providers.table.js';

/**
 * Asymmetric algorithms only: a provider's public keys must never double as an HMAC secret
 * (HS/RS confusion), and `none` is no signature at all.
 */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

/** Another operator's clocks: a little more slack than for our own tokens, still small. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** One answer for every reason a token fails; the reason goes to the log only. */
export const externalTokenRefused = (internal: string) =>
  new AppError('UNAUTHENTICATED', 'The access token is missing, invalid or expired', { internal });

/**
 * Verifies a provider's token against its published keys, with issuer, audience and algorithm
 * pinned. Keys named in the token itself (`jwk`, `jku`, `x5u`, `x5c`) are never trusted.
 */
export async function verifyExternalToken(
  token: string,
  provider: OidcProviderRow,
  keySet: JWTVerifyGetKey,
): Promise<JWTPayload & { sub: string }> {
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw externalTokenRefused('malformed token');
  }
  if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg))
    throw externalTokenRefused('bad alg');
  if ('jwk' in header || 'jku' in header || 'x5u' in header || 'x5c' in header)
    throw externalTokenRefused('embedded key');
  try {
    const { payload } = await jwtVerify(token, keySet, {
      algorithms: ALGORITHMS,
      issuer: provider.issuer,
      audience: provider.audience,
      requiredClaims: ['sub', 'exp'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 255) {
      throw externalTokenRefused('bad subject');
    }
    return payload as JWTPayload & { sub: string };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof errors.JOSEError) throw externalTokenRefused(`${provider.issuer}: ${error.code}`);
    // The JWKS fetch was refused (private address, too large, too slow): the operator should see why.
    if (error instanceof OutboundTargetRefused)
      throw externalTokenRefused(`${provider.issuer}: ${error.message}`);
    throw externalTokenRefused('verification failed');
  }
}
