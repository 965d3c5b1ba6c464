import { type Static, type TSchema, Type } from '@sinclair/typebox';

const Text = Type.String({ minLength: 1, maxLength: 200 });
const Nullable = (schema: TSchema) => Type.Union([schema, Type.Null()]);

/** One entry of the tenant's audit trail as the API shows it. */
export const AuditEntry = Type.Object({
  id: Type.String({ format: 'uuid' }),
  seq: Nullable(Type.Integer()),
  actor_type: Type.String(),
  actor_id: Nullable(Type.String()),
  /** The tenant's own user (or, for platform viewers, the platform administrator) behind actor_id. */
  actor_email: Nullable(Type.String()),
  actor_name: Nullable(Type.String()),
  action: Type.String(),
  target_type: Type.String(),
  target_id: Nullable(Type.String()),
  request_id: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  created_at: Type.String({ format: 'date-time' }),
  hash: Nullable(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** The list pagination with the audit trail's own filters, newest first. */
export const AuditQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    action: Type.Optional(Text),
    actor_id: Type.Optional(Text),
    target_type: Type.Optional(Text),
    target_id: Type.Optional(Text),
    created_from: Type.Optional(Type.String({ format: 'date-time' })),
    created_to: Type.Optional(Type.String({ format: 'date-time' })),
    tenant_id: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

/** `GET /audit/verify`: the verdict of `tenantbase audit verify` for the caller's tenant. */
export const AuditVerdict = Type.Object({
  ok: Type.Boolean(),
  /** Every entry of the trail, sealed or not. */
  entries: Type.Integer(),
  /** The seq of the last chained entry that verified; 0 when none did. */
  sealed_through: Type.Integer(),
  head_hash: Nullable(Type.String()),
  /** Committed entries the sealer has not chained yet: not tamper-evident until it has. */
  unsealed: Type.Integer(),
  oldest_unsealed_at: Nullable(Type.String({ format: 'date-time' })),
  broken: Nullable(
    Type.Object({
      kind: Type.Union([Type.Literal('edited'), Type.Literal('deleted'), Type.Literal('reordered')]),
      seq: Type.String(),
      id: Nullable(Type.String()),
      message: Type.String(),
    }),
  ),
});
export type AuditVerdict = Static<typeof AuditVerdict>;
