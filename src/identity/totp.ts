import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Tenantbase';
const PERIOD_SECONDS = 30;

function totpFor(secret: string, label = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
  });
}

/** A new RFC 6238 secret (160 bits, base32), the size RFC 4226 recommends for SHA-1. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URL an authenticator app scans; SHA-1, 6 digits, 30 s, as every app supports. */
export function totpUrl(secret: string, account: string): string {
  return totpFor(secret, account).toString();
}

/**
 * The time step a code belongs to (one step of clock drift either way), or null. Callers store
 * the step and refuse any code whose step is not later, so a code works once.
 */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpFor(secret);
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}
