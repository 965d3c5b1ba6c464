import { type Static, Type } from '@sinclair/typebox';
import { CursorParams, PageParams } from '../listing/list-query.schema.js';

export const OutboxMail = Type.Object({
  id: Type.String({ format: 'uuid' }),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  kind: Type.String(),
  tenant_id: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
});
export type OutboxMail = Static<typeof OutboxMail>;

/** `GET /outbox`: newest first, by page or by cursor, optionally to one address. */
export const OutboxQuery = Type.Object(
  {
    ...PageParams,
    ...CursorParams,
    to: Type.Optional(Type.String({ maxLength: 254, description: 'only mail to this address' })),
  },
  { additionalProperties: false },
);
export type OutboxQuery = Static<typeof OutboxQuery>;
