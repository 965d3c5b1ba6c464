import { AppError } from '../../../errors.js';
import { newTotpSecret, totpUrl } from '../../../identity/totp.js';
import type { MfaStore } from './mfa-store.js';

/** Starts (or restarts) enrolment: a pending secret that only counts once a code confirms it. */
export async function enrollMfa(
  store: MfaStore,
  account: string,
): Promise<{ secret: string; otpauth_url: string }> {
  const secret = newTotpSecret();
  if (!(await store.begin(secret))) {
    throw new AppError('CONFLICT', 'Multi-factor authentication is already on; disable it first to re-enrol');
  }
  return { secret, otpauth_url: totpUrl(secret, account) };
}
