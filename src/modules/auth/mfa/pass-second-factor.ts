import { hashRecoveryCode } from '../../../identity/recovery-codes.js';
import { matchTotp } from '../../../identity/totp.js';
import type { MfaState, MfaStore } from './mfa-store.js';

export interface SecondFactor {
  totp?: string | undefined;
  recovery_code?: string | undefined;
}

/**
 * True when the current TOTP code (not used before) or an unused recovery code is presented;
 * either is spent on success, so the same code never works twice.
 */
export async function passSecondFactor(
  store: MfaStore,
  state: MfaState,
  factor: SecondFactor,
): Promise<boolean> {
  if (state.status !== 'active') return false;
  if (factor.totp) {
    const step = matchTotp(state.secret, factor.totp.trim());
    if (step !== null && (await store.spendStep(step))) return true;
  }
  if (factor.recovery_code) return store.spendRecoveryCode(hashRecoveryCode(factor.recovery_code));
  return false;
}
