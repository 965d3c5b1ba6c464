import { type Static, Type } from '@sinclair/typebox';
import { WORKFLOW_STATUSES } from './workflows.tables.js';

const Status = Type.Union(WORKFLOW_STATUSES.map((s) => Type.Literal(s)));
const Config = Type.Record(Type.String(), Type.Unknown(), { description: 'free-form JSON object' });

export const Workflow = Type.Object({
  id: Type.String({ format: 'uuid' }),
  tenant_id: Type.String(),
  name: Type.String(),
  status: Status,
  config: Config,
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type Workflow = Static<typeof Workflow>;

export const CreateWorkflowBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    status: Type.Optional(Status),
    config: Type.Optional(Config),
  },
  { additionalProperties: false },
);
export type CreateWorkflowBody = Static<typeof CreateWorkflowBody>;

export const UpdateWorkflowBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    status: Type.Optional(Status),
    config: Type.Optional(Config),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateWorkflowBody = Static<typeof UpdateWorkflowBody>;

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
