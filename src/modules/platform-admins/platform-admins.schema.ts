import { type Static, Type } from '@sinclair/typebox';
import { PLATFORM_ROLES } from '../../identity/platform-roles.js';

export const PlatformRoleName = Type.Union(PLATFORM_ROLES.map((role) => Type.Literal(role)));

export const PlatformAdmin = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  role: PlatformRoleName,
  mfa: Type.Union([Type.Literal('enabled'), Type.Literal('pending'), Type.Literal('off')], {
    description: 'TOTP: `enabled`, `pending` (enrolment not confirmed) or `off`',
  }),
  created_at: Type.String({ format: 'date-time' }),
});
export type PlatformAdmin = Static<typeof PlatformAdmin>;

const Password = Type.String({ minLength: 8, maxLength: 256 });

export const CreatePlatformAdminBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    role: PlatformRoleName,
    password: Type.Optional(Password),
  },
  {
    additionalProperties: false,
    description: 'Without `password` the new administrator is mailed a link to choose one.',
    examples: [{ email: 'sam@operator.example', role: 'platform_support' }],
  },
);
export type CreatePlatformAdminBody = Static<typeof CreatePlatformAdminBody>;

export const UpdatePlatformAdminBody = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    role: Type.Optional(PlatformRoleName),
    password: Type.Optional(Password),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePlatformAdminBody = Static<typeof UpdatePlatformAdminBody>;

export const PlatformAdminParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
