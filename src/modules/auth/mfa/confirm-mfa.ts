import { AppError, validationFailed } from '../../../errors.js';
import { hashRecoveryCode, newRecoveryCodes } from '../../../identity/recovery-codes.js';
import { matchTotp } from '../../../identity/totp.js';
import type { MfaStore } from './mfa-store.js';

/** Turns MFA on once a code from the pending secret proves the app has it; the recovery codes are shown once. */
export async function confirmMfa(store: MfaStore, totp: string): Promise<{ recovery_codes: string[] }> {
  const state = await store.get();
  if (state?.status !== 'pending') {
    throw new AppError(
      'CONFLICT',
      'There is no enrolment to confirm: start with POST /api/v1/auth/mfa/enroll',
    );
  }
  const step = matchTotp(state.secret, totp.trim());
  if (step === null) throw validationFailed('totp', 'is not the current code of the enrolled secret');
  const codes = newRecoveryCodes();
  if (!(await store.activate(state.secret, codes.map(hashRecoveryCode), step))) {
    throw new AppError('CONFLICT', 'The enrolment changed meanwhile; enrol again');
  }
  return { recovery_codes: codes };
}
