import { type Static, Type } from '@sinclair/typebox';
import { ISOLATIONS } from '../../tenancy/tiers.js';
import { MOVE_STATUSES, type TenantMoveRow } from './tenant-moves.table.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** Where a tenant's rows should go; `placement` names a database server and applies to `database` only. */
export const MoveTenantBody = Type.Object(
  {
    isolation: Type.Optional(literals(ISOLATIONS)),
    placement: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false, examples: [{ isolation: 'database' }] },
);
export type MoveTenantBody = Static<typeof MoveTenantBody>;

const Location = Type.Object({ isolation: Type.String(), placement: Type.String() });

/** A move as POST /tenants/{id}/move and GET /tenants/{id}/moves/{move_id} report it. */
export const TenantMove = Type.Object({
  id: Type.String({ format: 'uuid' }),
  tenant_id: Type.String(),
  from: Location,
  to: Location,
  status: literals(MOVE_STATUSES),
  rows_copied: Type.Integer(),
  created_at: Type.String({ format: 'date-time' }),
  started_at: Nullable(Type.String({ format: 'date-time' })),
  finished_at: Nullable(Type.String({ format: 'date-time' })),
  error: Nullable(Type.String()),
});
export type TenantMove = Static<typeof TenantMove>;

/** A database server a tenant can be placed on, as GET /platform/database-servers lists it. */
export const DatabaseServerView = Type.Object({
  name: Type.String(),
  database_tenants: Type.Integer({ minimum: 0 }),
});

export const MoveParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  move_id: Type.String({ format: 'uuid' }),
});

/** The API shape of a move row. */
export function toMoveView(row: TenantMoveRow): TenantMove {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    from: { isolation: row.from_isolation, placement: row.from_placement },
    to: { isolation: row.to_isolation, placement: row.to_placement },
    status: row.status,
    rows_copied: Number(row.rows_copied),
    created_at: row.created_at.toISOString(),
    started_at: row.started_at?.toISOString() ?? null,
    finished_at: row.finished_at?.toISOString() ?? null,
    error: row.error,
  };
}
