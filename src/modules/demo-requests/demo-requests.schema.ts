import { type Static, Type } from '@sinclair/typebox';
import { ISOLATIONS, TIERS } from '../../tenancy/tiers.js';
import { CursorParams, PageParams, SORTS } from '../listing/list-query.schema.js';
import { Tenant } from '../tenants/tenants.schema.js';
import { DEMO_REQUEST_STATUSES } from './demo-requests.table.js';
import { BusinessDomainName } from '../tenants/business-domain.schema.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const CreateDemoRequestBody = Type.Object(
  {
    company_name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    business_domain: Type.Optional(BusinessDomainName),
    message: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CreateDemoRequestBody = Static<typeof CreateDemoRequestBody>;

export const DemoRequest = Type.Object({
  id: Type.String({ format: 'uuid' }),
  company_name: Type.String(),
  email: Type.String(),
  business_domain: Type.String(),
  message: Type.Union([Type.String(), Type.Null()]),
  status: literals(DEMO_REQUEST_STATUSES),
  tenant_id: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  decided_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type DemoRequest = Static<typeof DemoRequest>;

/** The answer to an approval: the request and the tenant it became (still provisioning). */
export const ApprovedDemoRequest = Type.Composite([DemoRequest, Type.Object({ tenant: Tenant })]);

/** `GET /demo-requests`: SPEC §5's pagination (page or cursor), filters and sorts; `name` is the company name. */
export const DemoRequestListQuery = Type.Object(
  {
    ...PageParams,
    ...CursorParams,
    status: Type.Optional(literals(DEMO_REQUEST_STATUSES)),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Searches the company name and the email' })),
    created_from: Type.Optional(Type.String({ format: 'date-time' })),
    created_to: Type.Optional(Type.String({ format: 'date-time' })),
    sort: Type.Optional(literals(SORTS)),
  },
  { additionalProperties: false },
);
export type DemoRequestListQuery = Static<typeof DemoRequestListQuery>;

export const ApproveDemoRequestBody = Type.Object(
  {
    tenant_id: Type.String({ minLength: 1, maxLength: 64, description: 'the new tenant id (slug)' }),
    tier: Type.Optional(literals(TIERS)),
    isolation: Type.Optional(literals(ISOLATIONS)),
  },
  { additionalProperties: false },
);
export type ApproveDemoRequestBody = Static<typeof ApproveDemoRequestBody>;

export const RejectDemoRequestBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type RejectDemoRequestBody = Static<typeof RejectDemoRequestBody>;

export const DemoRequestParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
