import { type Static, Type } from '@sinclair/typebox';
import { TENANT_STATUSES } from '../../tenancy/registry/tenant-record.js';
import { ISOLATIONS, TIERS } from '../../tenancy/tiers.js';
import { CursorParams, PageParams, SORTS } from '../listing/list-query.schema.js';
import { BusinessDomainName } from './business-domain.schema.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const CreateTenantBody = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64, description: 'slug: ^[a-z][a-z0-9-]{1,38}[a-z0-9]$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    tier: Type.Optional(literals(TIERS)),
    isolation: Type.Optional(literals(ISOLATIONS)),
    business_domain: Type.Optional(BusinessDomainName),
    placement: Type.Optional(Type.String({ maxLength: 64 })),
    admin_email: Type.String({ format: 'email', maxLength: 254 }),
    admin_password: Type.Optional(Type.String({ minLength: 8, maxLength: 256 })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        id: 'acme',
        name: 'Acme Dental',
        tier: 'premium',
        isolation: 'schema',
        admin_email: 'owner@acme.example',
      },
    ],
  },
);
export type CreateTenantBody = Static<typeof CreateTenantBody>;

export const Tenant = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    status: Type.String(),
    provisioning_step: Type.Union([Type.String(), Type.Null()]),
    provisioning_error: Type.Union([Type.String(), Type.Null()]),
    tier: Type.String(),
    isolation: Type.String(),
    placement: Type.Optional(Type.String()),
    business_domain: Type.String(),
    features: Type.Array(Type.String()),
    feature_overrides: Type.Record(Type.String(), Type.Boolean()),
    branding: Type.Record(Type.String(), Type.Unknown()),
    settings: Type.Record(Type.String(), Type.Unknown()),
    hostnames: Type.Array(Type.String()),
    limits: Type.Record(Type.String(), Type.Unknown()),
    limit_overrides: Type.Record(Type.String(), Type.Unknown()),
    /** Platform administrators only: the features and limits of the tier and domain, before overrides. */
    plan_features: Type.Optional(Type.Array(Type.String())),
    plan_limits: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type Tenant = Static<typeof Tenant>;

export const TenantIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** `GET /tenants`: SPEC §5's pagination (page or cursor), filters and sorts; deleted tenants only when asked for. */
export const TenantListQuery = Type.Object(
  {
    ...PageParams,
    ...CursorParams,
    status: Type.Optional(literals(TENANT_STATUSES)),
    q: Type.Optional(Type.String({ maxLength: 200, description: "Searches the tenant's name" })),
    created_from: Type.Optional(Type.String({ format: 'date-time' })),
    created_to: Type.Optional(Type.String({ format: 'date-time' })),
    sort: Type.Optional(literals(SORTS)),
  },
  { additionalProperties: false },
);
export type TenantListQuery = Static<typeof TenantListQuery>;
