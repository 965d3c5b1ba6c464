import { type Static, Type } from '@sinclair/typebox';
import { ISOLATIONS, TIERS } from '../../tenancy/tiers.js';
import { CursorParams, PageParams } from '../listing/list-query.schema.js';
import type { TenantExportRow } from './tenant-exports.table.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** An export as GET /tenants/{id}/exports/{export_id} reports it while it runs and once done. */
export const TenantExport = Type.Object({
  id: Type.String({ format: 'uuid' }),
  tenant_id: Type.String(),
  status: literals(['running', 'done', 'failed']),
  created_at: Type.String({ format: 'date-time' }),
  completed_at: Nullable(Type.String({ format: 'date-time' })),
  size_bytes: Type.Union([Type.Integer(), Type.Null()]),
  sha256: Nullable(Type.String()),
  tables: Type.Union([
    Type.Array(Type.Object({ name: Type.String(), rows: Type.Integer(), sha256: Type.String() })),
    Type.Null(),
  ]),
  error: Nullable(Type.String()),
  /** Where to fetch the archive once `status` is `done`. */
  download_url: Nullable(Type.String()),
});
export type TenantExport = Static<typeof TenantExport>;

export const ExportParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  export_id: Type.String({ format: 'uuid' }),
});

/** `GET /tenants/{id}/exports`: newest first, by page or by cursor. */
export const ExportListQuery = Type.Object(
  { ...PageParams, ...CursorParams },
  { additionalProperties: false },
);
export type ExportListQuery = Static<typeof ExportListQuery>;

export const ExportQuery = Type.Object(
  { download: Type.Optional(literals(['1', 'true', '0', 'false'])) },
  { additionalProperties: false },
);

/** Settings of a tenant the import creates; each defaults to the archived tenant's. */
export const ImportQuery = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    tier: Type.Optional(literals(TIERS)),
    isolation: Type.Optional(literals(ISOLATIONS)),
    placement: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

/** The API shape of an export row. */
export function toExportView(row: TenantExportRow): TenantExport {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    status: row.status,
    created_at: row.created_at.toISOString(),
    completed_at: row.completed_at?.toISOString() ?? null,
    size_bytes: row.size_bytes === null ? null : Number(row.size_bytes),
    sha256: row.sha256,
    tables: row.tables,
    error: row.error,
    download_url:
      row.status === 'done' ? `/api/v1/tenants/${row.tenant_id}/exports/${row.id}?download=true` : null,
  };
}
