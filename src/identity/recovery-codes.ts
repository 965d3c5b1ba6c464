import { createHash } from 'node:crypto';
import { Secret } from 'otpauth';

export const RECOVERY_CODE_COUNT = 10;

/** Ten single-use codes of 80 random bits each, grouped for reading: `ABCD-EFGH-IJKL-MNOP`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    new Secret({ size: 10 }).base32.match(/.{4}/g)!.join('-'),
  );
}

/** SHA-256 of the code without dashes, spaces or case: random codes need no slow hash. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(code.toUpperCase().replace(/[^A-Z2-7]/g, ''))
    .digest('hex');
}
