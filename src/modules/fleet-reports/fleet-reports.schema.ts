import { type Static, Type } from '@sinclair/typebox';
import { TENANT_STATUSES } from '../../tenancy/registry/tenant-record.js';
import { ISOLATIONS, TIERS } from '../../tenancy/tiers.js';
import { CursorParams, PageParams } from '../listing/list-query.schema.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** Columns a report list sorts on (`sort=users`, `sort=-requests_24h`). */
export const REPORT_COLUMNS = [
  'tenant_id',
  'name',
  'tier',
  'isolation',
  'status',
  'users',
  'storage_bytes',
  'requests_24h',
  'errors_24h',
  'server_errors_24h',
  'p95_ms_24h',
  'last_active_at',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

const SORTS = REPORT_COLUMNS.flatMap((column) => [column, `-${column}`] as const);

export const TenantReportQuery = Type.Object(
  {
    ...PageParams,
    ...CursorParams,
    sort: Type.Optional(literals(SORTS)),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'part of the tenant id or name' })),
    tier: Type.Optional(literals(TIERS)),
    isolation: Type.Optional(literals(ISOLATIONS)),
    status: Type.Optional(literals(TENANT_STATUSES)),
  },
  { additionalProperties: false },
);
export type TenantReportQuery = Static<typeof TenantReportQuery>;
/** The list's filters and sort: the download is every matching row, so it takes no page nor cursor. */
export const TenantReportCsvQuery = Type.Omit(TenantReportQuery, ['page', 'per_page', 'cursor', 'limit']);
export type TenantReportCsvQuery = Static<typeof TenantReportCsvQuery>;

export const TenantReport = Type.Object({
  tenant_id: Type.String(),
  name: Type.String(),
  tier: Type.String(),
  isolation: Type.String(),
  status: Type.String(),
  users: Type.Integer(),
  storage_bytes: Type.Integer(),
  requests_24h: Type.Integer(),
  errors_24h: Type.Integer({ description: 'responses with status ≥ 400' }),
  server_errors_24h: Type.Integer({ description: 'responses with status ≥ 500' }),
  p95_ms_24h: Type.Union([Type.Integer(), Type.Null()]),
  last_active_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type TenantReport = Static<typeof TenantReport>;

const AsOf = Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
  description: 'when the rollup these numbers come from ran; null before the first one',
});

export const TenantReportPage = Type.Object({
  success: Type.Literal(true),
  data: Type.Array(TenantReport),
  pagination: Type.Record(Type.String(), Type.Unknown()),
  as_of: AsOf,
});

const Counts = Type.Record(Type.String(), Type.Integer());
export const FleetSummary = Type.Object({
  tenants_by_status: Counts,
  tenants_by_tier: Counts,
  tenants_by_isolation: Counts,
  users: Type.Integer(),
  storage_bytes: Type.Integer(),
  requests_24h: Type.Integer(),
  errors_24h: Type.Integer(),
  as_of: AsOf,
});
export type FleetSummary = Static<typeof FleetSummary>;

export const TrendQuery = Type.Object(
  {
    tenant: Type.Optional(
      Type.String({ minLength: 1, maxLength: 63, description: 'one tenant; the fleet without' }),
    ),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
  },
  { additionalProperties: false },
);
export type TrendQuery = Static<typeof TrendQuery>;

export const TrendDay = Type.Object({
  day: Type.String({ format: 'date' }),
  tenants: Type.Integer({ description: 'tenants with a row that day' }),
  active_tenants: Type.Integer({ description: 'tenants with at least one request that day' }),
  users: Type.Integer(),
  storage_bytes: Type.Integer(),
  requests: Type.Integer(),
  errors: Type.Integer(),
  p95_ms: Type.Union([Type.Integer(), Type.Null()], { description: "one tenant's p95; the fleet's highest" }),
});
export const Trends = Type.Object({ days: Type.Array(TrendDay), as_of: AsOf });
export type Trends = Static<typeof Trends>;

export const TrafficQuery = Type.Object(
  {
    tenant: Type.Optional(Type.String({ minLength: 1, maxLength: 63 })),
    hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 48 })),
  },
  { additionalProperties: false },
);
export type TrafficQuery = Static<typeof TrafficQuery>;

export const TrafficHour = Type.Object({
  hour: Type.String({ format: 'date-time' }),
  requests: Type.Integer(),
  errors: Type.Integer(),
  server_errors: Type.Integer(),
  p95_ms: Type.Union([Type.Integer(), Type.Null()]),
});
export const Traffic = Type.Object({
  hours: Type.Array(TrafficHour),
  latency_bounds_ms: Type.Array(Type.Integer()),
});
export type Traffic = Static<typeof Traffic>;
