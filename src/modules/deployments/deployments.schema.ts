import { type Static, Type } from '@sinclair/typebox';
import { DEPLOYMENT_STATUSES } from './deployments.tables.js';

const Status = Type.Union(DEPLOYMENT_STATUSES.map((s) => Type.Literal(s)));
const Url = Type.String({ format: 'uri', maxLength: 2048, pattern: '^https?://' });

export const Deployment = Type.Object({
  id: Type.String({ format: 'uuid' }),
  tenant_id: Type.String(),
  project_name: Type.String(),
  status: Status,
  url: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type Deployment = Static<typeof Deployment>;

export const CreateDeploymentBody = Type.Object(
  {
    project_name: Type.String({ minLength: 1, maxLength: 200 }),
    status: Type.Optional(Status),
    url: Type.Optional(Type.Union([Url, Type.Null()])),
  },
  {
    additionalProperties: false,
    examples: [{ project_name: 'storefront', status: 'building', url: 'https://storefront.acme.example' }],
  },
);
export type CreateDeploymentBody = Static<typeof CreateDeploymentBody>;

export const UpdateDeploymentBody = Type.Object(
  {
    project_name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    status: Type.Optional(Status),
    url: Type.Optional(Type.Union([Url, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDeploymentBody = Static<typeof UpdateDeploymentBody>;

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
