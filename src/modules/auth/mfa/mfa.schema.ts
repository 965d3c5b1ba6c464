import { type Static, Type } from '@sinclair/typebox';

export const MfaEnrollment = Type.Object({
  secret: Type.String({ description: 'Base32 TOTP secret, shown once' }),
  otpauth_url: Type.String({ description: 'otpauth:// URL for an authenticator app (QR code)' }),
});

export const ConfirmMfaBody = Type.Object(
  { totp: Type.String({ minLength: 6, maxLength: 16 }) },
  { additionalProperties: false },
);
export type ConfirmMfaBody = Static<typeof ConfirmMfaBody>;

export const RecoveryCodes = Type.Object({
  recovery_codes: Type.Array(Type.String(), { description: 'Each works once; shown only now' }),
});

export const DisableMfaBody = Type.Object(
  {
    totp: Type.Optional(Type.String({ maxLength: 16 })),
    recovery_code: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type DisableMfaBody = Static<typeof DisableMfaBody>;

/** The account page shows one card: turn on (off or pending) or turn off (on). */
export const MfaStatus = Type.Object({
  status: Type.Union([Type.Literal('off'), Type.Literal('pending'), Type.Literal('on')]),
});
