import { type Static, type TSchema, Type } from '@sinclair/typebox';

const Url = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: 'https to a public host; fetched with a 3 s timeout and a 256 KiB bound.',
});
const ClaimName = Type.String({ minLength: 1, maxLength: 256 });
const RoleName = Type.String({ minLength: 1, maxLength: 64 });
const OrNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * PUT /tenants/{id}/oidc: replaces the whole configuration. Optional fields left out fall back
 * to their defaults (tenant claim unchecked, roles from `roles` or else `groups`, no default role).
 */
export const OidcConfigBody = Type.Object(
  {
    issuer: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 'Exactly the `iss` of the tokens; https to a public host.',
    }),
    jwks_url: Url,
    audience: Type.String({ minLength: 1, maxLength: 512 }),
    tenant_claim: Type.Optional(ClaimName),
    tenant_claim_value: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    roles_claim: Type.Optional(ClaimName),
    role_mapping: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 256 }), RoleName, {
        maxProperties: 200,
        description: 'External role or group value → tenant role name.',
      }),
    ),
    default_role: Type.Optional(RoleName),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type OidcConfigBody = Static<typeof OidcConfigBody>;

export const OidcConfig = Type.Object({
  tenant_id: Type.String(),
  issuer: Type.String(),
  jwks_url: Type.String(),
  audience: Type.String(),
  tenant_claim: OrNull(Type.String()),
  /** The value the tenant claim must hold: the stored one, or the tenant id when none was set. */
  tenant_claim_value: Type.String(),
  roles_claim: OrNull(Type.String()),
  role_mapping: Type.Record(Type.String(), Type.String()),
  default_role: OrNull(Type.String()),
  enabled: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type OidcConfig = Static<typeof OidcConfig>;
