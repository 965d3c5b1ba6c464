import { type Static, Type } from '@sinclair/typebox';
import { BusinessDomainName } from '../tenants/business-domain.schema.js';

export const SignupBody = Type.Object(
  {
    tenant_id: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'the new workspace id, a slug: ^[a-z][a-z0-9-]{1,38}[a-z0-9]$',
    }),
    company_name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 8, maxLength: 256 }),
    business_domain: Type.Optional(BusinessDomainName),
  },
  {
    additionalProperties: false,
    examples: [
      { tenant_id: 'acme', company_name: 'Acme', email: 'owner@acme.example', password: 'choose-a-password' },
    ],
  },
);
export type SignupBody = Static<typeof SignupBody>;

/** Where a signup stands: waiting for its mail, or the tenant it became and that tenant's status. */
export const SignupProgress = Type.Object({
  tenant_id: Type.String(),
  status: Type.String({
    description: '`pending_verification` until the mailed link is followed, then the tenant’s own status',
  }),
});
export type SignupProgress = Static<typeof SignupProgress>;

export const AvailabilityQuery = Type.Object(
  { tenant_id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

export const Availability = Type.Object({
  tenant_id: Type.String(),
  available: Type.Boolean(),
  reason: Type.Union([Type.Literal('invalid'), Type.Literal('reserved'), Type.Literal('taken'), Type.Null()]),
});
export type Availability = Static<typeof Availability>;
