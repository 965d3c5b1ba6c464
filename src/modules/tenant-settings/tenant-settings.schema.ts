import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { TIERS } from '../../tenancy/tiers.js';
import { BusinessDomainName } from '../tenants/business-domain.schema.js';

const literals = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );
/**
 * `T | null` as OpenAPI's `nullable`, not a union: with `coerceTypes` ajv would turn a null
 * into false, 0 or "" in a union's first branch, and `{ "workflows": null }` would switch it off.
 */
const nullable = <T extends TSchema>(schema: T) =>
  Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });

/** A count limit: a whole number, or null for unlimited, as tenancy/tiers.ts keeps limits. */
const Limit = (minimum: number) => nullable(Type.Integer({ minimum, maximum: Number.MAX_SAFE_INTEGER }));

const ContactInfo = Type.Object(
  {
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    website: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2048 })),
  },
  { additionalProperties: false },
);

/** Seed 001's organisation details plus adopters' own text settings; a null value removes a key. */
export const SettingsPatch = Type.Object(
  {
    gst_number: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 32 }))),
    contact_info: Type.Optional(nullable(ContactInfo)),
  },
  {
    additionalProperties: nullable(Type.String({ maxLength: 1000 })),
    maxProperties: 50,
    propertyNames: { pattern: '^[a-z][a-z0-9_]{0,63}$' },
  },
);

export const LimitOverrides = Type.Object(
  {
    max_users: Type.Optional(Limit(0)),
    storage_bytes: Type.Optional(Limit(0)),
    api_per_minute: Type.Optional(Limit(1)),
    creates_per_hour: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Limit(0))),
  },
  {
    additionalProperties: false,
    description:
      'Replaces every override at once; a null limit means unlimited, a missing key the tier default.',
  },
);

/**
 * PATCH /tenants/{id}. Tenant administrators may change `name` and `settings`; the rest is the
 * platform's. `status` does what POST /suspend and /resume do; `features` sets the effective set
 * and `feature_overrides` changes overrides key by key, so one request sends one of them.
 */
export const UpdateTenantBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    settings: Type.Optional(SettingsPatch),
    tier: Type.Optional(literals(TIERS)),
    status: Type.Optional(
      literals(['active', 'suspended'] as const, {
        description:
          'Suspends or resumes the tenant, exactly as POST /suspend and /resume (audited the same); a status the lifecycle does not lead to from the current one is 409.',
      }),
    ),
    business_domain: Type.Optional(BusinessDomainName),
    features: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        maxItems: 200,
        description:
          'The effective feature set wanted, whole: stored as the overrides that differ from the tier and business domain defaults (on for a wanted key the defaults lack, off for a default key not wanted); every other override is dropped. Not with `feature_overrides`.',
      }),
    ),
    feature_overrides: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), nullable(Type.Boolean()), {
        description:
          'Merged into the stored overrides key by key: true switches a feature on, false off, null drops the override (the tier and domain default applies again); keys not sent stay as they are, so `{}` changes nothing. To replace the whole set send `features`.',
      }),
    ),
    limit_overrides: Type.Optional(LimitOverrides),
    hostnames: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 253 }), {
        maxItems: 20,
        uniqueItems: true,
        description: 'Replaces the custom host names: lowercase DNS names, each owned by one tenant.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTenantBody = Static<typeof UpdateTenantBody>;

/** Seed 001 branding, shown on the sign-in page. */
export const Branding = Type.Object({
  company_name: Type.String(),
  primary_color: nullable(Type.String()),
  logo_url: nullable(Type.String()),
});
export type Branding = Static<typeof Branding>;

export const UpdateBrandingBody = Type.Object(
  {
    company_name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    primary_color: Type.Optional(nullable(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }))),
    logo_url: Type.Optional(nullable(Type.String({ format: 'uri', pattern: '^https://', maxLength: 2048 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateBrandingBody = Static<typeof UpdateBrandingBody>;

/** Seed 001's tenant configuration, without anything about where the data lives. */
export const TenantConfig = Type.Object({
  tenant_id: Type.String(),
  name: Type.String(),
  status: Type.String(),
  is_active: Type.Boolean(),
  tier: Type.String(),
  business_domain: Type.String(),
  features: Type.Array(Type.String()),
  branding: Branding,
  settings: Type.Record(Type.String(), Type.Unknown()),
  gst_number: nullable(Type.String()),
  contact_info: nullable(Type.Record(Type.String(), Type.Unknown())),
  limits: Type.Record(Type.String(), Type.Unknown()),
  hostnames: Type.Array(Type.String()),
});
export type TenantConfig = Static<typeof TenantConfig>;
