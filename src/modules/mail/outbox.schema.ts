import { type Static, Type } from '@sinclair/typebox';

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

export const OutboxQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    to: Type.Optional(Type.String({ maxLength: 254, description: 'only mail to this address' })),
  },
  { additionalProperties: false },
);
export type OutboxQuery = Static<typeof OutboxQuery>;
