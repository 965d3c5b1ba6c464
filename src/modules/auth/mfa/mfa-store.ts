/** One account's TOTP enrolment as the MFA use cases see it. */
export interface MfaState {
  secret: string;
  status: 'pending' | 'active';
}

/**
 * Where one account's MFA lives: tenant storage for tenant users, the platform database for
 * administrators. Every write is one conditional statement, so concurrent requests cannot both
 * spend the same code.
 */
export interface MfaStore {
  get(): Promise<MfaState | undefined>;
  /** Stores a new pending secret; false (nothing stored) when MFA is already active. */
  begin(secret: string): Promise<boolean>;
  /** Activates the pending `secret` (still the one confirmed) with hashed recovery codes. */
  activate(secret: string, recoveryHashes: string[], step: number): Promise<boolean>;
  /** Records a TOTP time step as used; false when it or a later one already was (a replay). */
  spendStep(step: number): Promise<boolean>;
  /** Removes one recovery code; false when it is not (or no longer) there. */
  spendRecoveryCode(hash: string): Promise<boolean>;
  remove(): Promise<void>;
}
