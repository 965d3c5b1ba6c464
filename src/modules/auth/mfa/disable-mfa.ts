import { AppError } from '../../../errors.js';
import type { MfaStore } from './mfa-store.js';
import { passSecondFactor, type SecondFactor } from './pass-second-factor.js';

/** Turns MFA off; a stolen access token alone cannot, it takes a current code or a recovery code. */
export async function disableMfa(store: MfaStore, factor: SecondFactor): Promise<void> {
  const state = await store.get();
  if (state?.status !== 'active') throw new AppError('CONFLICT', 'Multi-factor authentication is not on');
  if (!(await passSecondFactor(store, state, factor))) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ path: factor.recovery_code ? 'recovery_code' : 'totp', message: 'is not valid' }],
    });
  }
  await store.remove();
}
