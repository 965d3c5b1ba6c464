import { type Static, Type } from '@sinclair/typebox';
import { ApiKey } from '../api-keys/api-keys.schema.js';

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    tenant_id: Type.Optional(Type.String({ maxLength: 64 })),
    totp: Type.Optional(Type.String({ maxLength: 16, description: 'Current code when MFA is on' })),
    recovery_code: Type.Optional(
      Type.String({ maxLength: 64, description: 'A one-time recovery code instead of `totp`' }),
    ),
  },
  {
    additionalProperties: false,
    examples: [{ email: 'owner@acme.example', password: 'correct horse battery', tenant_id: 'acme' }],
  },
);
export type LoginBody = Static<typeof LoginBody>;

export const RefreshBody = Type.Object(
  { refresh_token: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type RefreshBody = Static<typeof RefreshBody>;

export const SessionUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  roles: Type.Array(Type.String()),
});

export const Session = Type.Object({
  access_token: Type.String(),
  refresh_token: Type.Optional(
    Type.String({ description: 'Opaque, single use: /auth/refresh spends it and returns the next one' }),
  ),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
  user: SessionUser,
  tenant_id: Type.Union([Type.String(), Type.Null()]),
  mfa_setup_required: Type.Optional(
    Type.Boolean({
      description:
        'REQUIRE_ADMIN_MFA: the access token only opens /auth/mfa/enroll, /auth/mfa/confirm and /auth/me, and there is no refresh token',
    }),
  ),
});
export type Session = Static<typeof Session>;

/** `GET /auth/me`: the account behind a token, or the key itself, since an API key has no account. */
export const CurrentPrincipal = Type.Object({
  kind: Type.Union([Type.Literal('tenant_user'), Type.Literal('platform_admin'), Type.Literal('api_key')]),
  tenant_id: Type.Union([Type.String(), Type.Null()]),
  user: Type.Union([SessionUser, Type.Null()], { description: 'null for an API key' }),
  api_key: Type.Optional(ApiKey),
});
export type CurrentPrincipal = Static<typeof CurrentPrincipal>;
