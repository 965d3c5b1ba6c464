import { type Static, Type } from '@sinclair/typebox';
import { BUILT_IN_ROLES } from '../../identity/permissions.js';

export const USER_STATUSES = ['active', 'invited', 'disabled'] as const;

/** A built-in role or a custom role's name (custom names follow the slug rule of POST /roles). */
export const RoleName = Type.Union([
  ...['member', ...BUILT_IN_ROLES.filter((r) => r !== 'member')].map((r) => Type.Literal(r)),
  Type.String({ pattern: '^[a-z][a-z0-9_-]{1,39}$', description: 'a custom role' }),
]);

const Password = Type.String({ minLength: 8, maxLength: 256 });
const Token = Type.String({ minLength: 1, maxLength: 200 });
const ProfileText = Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()]));
/** Seed 002's profile: optional on create and update; null (or empty text) clears a field. */
const ProfileFields = { name: ProfileText, job_title: ProfileText, department: ProfileText };

export const User = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  roles: Type.Array(Type.String()),
  status: Type.Union(USER_STATUSES.map((s) => Type.Literal(s))),
  name: Type.Union([Type.String(), Type.Null()]),
  job_title: Type.Union([Type.String(), Type.Null()]),
  department: Type.Union([Type.String(), Type.Null()]),
  email_verified_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
});
export type User = Static<typeof User>;

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    role: RoleName,
    password: Type.Optional(Password),
    ...ProfileFields,
  },
  {
    additionalProperties: false,
    description: 'Without `password` the user is invited by mail and sets one.',
    examples: [{ email: 'dana@acme.example', role: 'member' }],
  },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    roles: Type.Optional(Type.Array(RoleName, { minItems: 1, maxItems: 20 })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
    ...ProfileFields,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const AcceptInviteBody = Type.Object(
  { token: Token, password: Password },
  { additionalProperties: false },
);
export type AcceptInviteBody = Static<typeof AcceptInviteBody>;

export const ResetPasswordBody = AcceptInviteBody;
export type ResetPasswordBody = AcceptInviteBody;

export const VerifyEmailBody = Type.Object({ token: Token }, { additionalProperties: false });

export const ForgotPasswordBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    tenant_id: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type ForgotPasswordBody = Static<typeof ForgotPasswordBody>;

/** Who a token acted for: the user (or administrator) and their tenant (null: the platform). */
export const AccountResult = Type.Object({
  user_id: Type.String(),
  email: Type.String(),
  tenant_id: Type.Union([Type.String(), Type.Null()]),
});
export type AccountResult = Static<typeof AccountResult>;

export const ForgotPasswordAnswer = Type.Object({ message: Type.String() });
