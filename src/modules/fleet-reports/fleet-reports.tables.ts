import type { ColumnType } from 'kysely';
import type { PlatformMigration } from '../../db/platform-migrations.js';
import { LATENCY_BOUNDS_MS } from '../../observability/tenant-traffic.js';

/**
 * One column per latency bucket (the last counts everything over the last bound): summing twelve
 * columns over a day of hourly rows is a plain aggregate, where an array would need unnesting.
 */
export const BUCKET_COLUMNS = Array.from({ length: LATENCY_BOUNDS_MS.length + 1 }, (_, i) => `bucket_${i}`);

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint: pg hands it back as a string. */
type BigCount = ColumnType<string, number, number>;

declare module '../../db/platform-database.js' {
  interface PlatformDatabase {
    /** Each process adds its flushed per-tenant counts to the tenant's row of the hour. */
    'platform.tenant_traffic_hourly': {
      tenant_id: string;
      hour: Timestamp;
      requests: BigCount;
      errors: BigCount;
      server_errors: BigCount;
      /** `bucket_0` … `bucket_11` (BUCKET_COLUMNS) are written and read with raw SQL. */
      last_request_at: Timestamp;
    };
    /** The rollup's latest row per tenant, read by the report routes. */
    'platform.tenant_reports': {
      tenant_id: string;
      users: number;
      users_counted_at: Timestamp | null;
      storage_bytes: BigCount;
      requests_24h: BigCount;
      errors_24h: BigCount;
      server_errors_24h: BigCount;
      p95_ms_24h: number | null;
      last_active_at: Timestamp | null;
      as_of: Timestamp;
    };
    /** One row per tenant and day, kept 30 days, for trends. */
    'platform.tenant_report_days': {
      tenant_id: string;
      day: ColumnType<string, string, string>;
      users: number;
      storage_bytes: BigCount;
      requests: BigCount;
      errors: BigCount;
      p95_ms: number | null;
    };
    /**
     * The fleet's totals per day, written by the rollup with the day's tenant rows: the fleet's
     * 30-day trends read 30 rows instead of grouping every tenant's.
     */
    'platform.fleet_report_days': {
      day: ColumnType<string, string, string>;
      tenants: number;
      active_tenants: number;
      users: BigCount;
      storage_bytes: BigCount;
      requests: BigCount;
      errors: BigCount;
      p95_ms: number | null;
    };
    /** When the last rollup finished (one row). */
    'platform.fleet_rollups': {
      id: ColumnType<boolean, boolean | undefined, boolean>;
      as_of: Timestamp;
      tenants: number;
      duration_ms: number;
    };
  }
}

/** The fleet report tables; traffic rows carry no foreign key so a flush never fails on a deleted tenant. */
export const fleetReportPlatformMigrations: PlatformMigration[] = [
  {
    id: 'fleet-reports.0001_tables',
    sql: `
      create table platform.tenant_traffic_hourly (
        tenant_id text not null,
        hour timestamptz not null,
        requests bigint not null default 0,
        errors bigint not null default 0,
        server_errors bigint not null default 0,
        ${BUCKET_COLUMNS.map((column) => `${column} bigint not null default 0,`).join('\n        ')}
        last_request_at timestamptz not null,
        primary key (tenant_id, hour)
      );
      create index tenant_traffic_hourly_hour_idx on platform.tenant_traffic_hourly (hour);
      create table platform.tenant_reports (
        tenant_id text primary key references platform.tenants (id) on delete cascade,
        users integer not null default 0,
        users_counted_at timestamptz,
        storage_bytes bigint not null default 0,
        requests_24h bigint not null default 0,
        errors_24h bigint not null default 0,
        server_errors_24h bigint not null default 0,
        p95_ms_24h integer,
        last_active_at timestamptz,
        as_of timestamptz not null
      );
      create table platform.tenant_report_days (
        tenant_id text not null references platform.tenants (id) on delete cascade,
        day date not null,
        users integer not null,
        storage_bytes bigint not null,
        requests bigint not null,
        errors bigint not null,
        p95_ms integer,
        primary key (tenant_id, day)
      );
      create index tenant_report_days_day_idx on platform.tenant_report_days (day);
      create table platform.fleet_rollups (
        id boolean primary key default true check (id),
        as_of timestamptz not null,
        tenants integer not null,
        duration_ms integer not null
      );`,
  },
  {
    id: 'fleet-reports.0002_fleet_days',
    sql: `
      create table platform.fleet_report_days (
        day date primary key,
        tenants integer not null,
        active_tenants integer not null,
        users bigint not null,
        storage_bytes bigint not null,
        requests bigint not null,
        errors bigint not null,
        p95_ms integer
      );
      insert into platform.fleet_report_days (day, tenants, active_tenants, users, storage_bytes, requests, errors, p95_ms)
      select day, count(*), count(*) filter (where requests > 0), sum(users), sum(storage_bytes),
             sum(requests), sum(errors), max(p95_ms)
        from platform.tenant_report_days
       group by day;`,
  },
];
