import type { ColumnType } from 'kysely';
import { tenantRowSecurity, type TenantMigration } from '../../tenancy/migrations/tenant-migration.js';

declare module '../../tenancy/tenant-database.js' {
  interface TenantDatabase {
    ts_demand_daily: {
      tenant_id: string;
      item_id: string;
      /** A calendar day; read back as a `YYYY-MM-DD` string (`to_char`), never a JS Date. */
      date: string;
      units_sold: ColumnType<string, string | number, string | number>;
    };
    forecast_runs: {
      tenant_id: string;
      id: string;
      status: string;
      method: string;
      horizon_days: number;
      season_length: number;
      holdout_days: number;
      item_ids: string[];
      item_count: number;
      items_done: number;
      created_at: ColumnType<Date, Date, Date>;
      started_at: ColumnType<Date | null, Date | null, Date | null>;
      finished_at: ColumnType<Date | null, Date | null, Date | null>;
      error: string | null;
    };
    /** One row per item of a run: the forecast days from `first_date` on, one array element a day. */
    forecast_points: {
      tenant_id: string;
      run_id: string;
      item_id: string;
      first_date: string;
      units: number[];
      lower_80: number[];
      upper_80: number[];
      lower_95: number[];
      upper_95: number[];
      method: string;
    };
    forecast_item_quality: {
      tenant_id: string;
      run_id: string;
      item_id: string;
      method: string;
      model: string;
      last_date: string;
      mape: number | null;
      wape: number | null;
      mase: number | null;
      bias: number | null;
      holdout_days: number;
      abs_error_sum: number;
      actual_sum: number;
      forecast_sum: number;
      ape_sum: number;
      ape_count: number;
      coverage_80: number | null;
      coverage_95: number | null;
    };
  }
}

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const FORECAST_METHODS = ['auto', 'seasonal_naive', 'ets', 'arima'] as const;

/** The module's tenant tables, in the order a deletion or an archive handles them. */
export const FORECASTING_TABLES = [
  'ts_demand_daily',
  'forecast_runs',
  'forecast_points',
  'forecast_item_quality',
];

export const forecastingMigrations: TenantMigration[] = [
  {
    id: '0001_create_forecasting',
    up: (s) => `
      create table ${s}.ts_demand_daily (
        tenant_id text not null,
        item_id text not null check (length(item_id) between 1 and 200),
        date date not null,
        units_sold numeric not null check (units_sold >= 0),
        primary key (tenant_id, item_id, date)
      );
      ${tenantRowSecurity(s, 'ts_demand_daily')}
      create table ${s}.forecast_runs (
        tenant_id text not null,
        id uuid not null,
        status text not null check (status in (${RUN_STATUSES.map((v) => `'${v}'`).join(',')})),
        method text not null check (method in (${FORECAST_METHODS.map((v) => `'${v}'`).join(',')})),
        horizon_days integer not null check (horizon_days between 1 and 365),
        season_length integer not null,
        holdout_days integer not null,
        item_ids text[] not null,
        item_count integer not null,
        items_done integer not null default 0,
        created_at timestamptz not null,
        started_at timestamptz,
        finished_at timestamptz,
        error text,
        primary key (tenant_id, id)
      );
      create index forecast_runs_created_idx on ${s}.forecast_runs (tenant_id, created_at desc, id desc);
      create index forecast_runs_status_idx on ${s}.forecast_runs (tenant_id, status, created_at desc);
      ${tenantRowSecurity(s, 'forecast_runs')}
      create table ${s}.forecast_points (
        tenant_id text not null,
        run_id uuid not null,
        item_id text not null,
        date date not null,
        units double precision not null,
        lower_80 double precision not null,
        upper_80 double precision not null,
        lower_95 double precision not null,
        upper_95 double precision not null,
        method text not null,
        primary key (tenant_id, run_id, item_id, date)
      );
      ${tenantRowSecurity(s, 'forecast_points')}
      create table ${s}.forecast_item_quality (
        tenant_id text not null,
        run_id uuid not null,
        item_id text not null,
        method text not null,
        model text not null default '',
        last_date date not null,
        mape double precision,
        wape double precision,
        mase double precision,
        bias double precision,
        holdout_days integer not null,
        abs_error_sum double precision not null,
        actual_sum double precision not null,
        forecast_sum double precision not null,
        ape_sum double precision not null,
        ape_count integer not null,
        coverage_80 double precision,
        coverage_95 double precision,
        primary key (tenant_id, run_id, item_id)
      );
      create index forecast_item_quality_item_idx on ${s}.forecast_item_quality (tenant_id, item_id, run_id);
      ${tenantRowSecurity(s, 'forecast_item_quality')}`,
  },
  {
    // One row per item with the days as arrays instead of one row per item and day: a run writes
    // and indexes 28 times fewer rows at horizon 28. Rows of earlier runs are carried over.
    id: '0002_forecast_points_per_item',
    up: (s) => `
      create table ${s}.forecast_points_per_item (
        tenant_id text not null,
        run_id uuid not null,
        item_id text not null,
        first_date date not null,
        units double precision[] not null,
        lower_80 double precision[] not null,
        upper_80 double precision[] not null,
        lower_95 double precision[] not null,
        upper_95 double precision[] not null,
        method text not null,
        primary key (tenant_id, run_id, item_id)
      );
      alter table ${s}.forecast_points no force row level security;
      alter table ${s}.forecast_points disable row level security;
      insert into ${s}.forecast_points_per_item
        select tenant_id, run_id, item_id, min(date), array_agg(units order by date),
               array_agg(lower_80 order by date), array_agg(upper_80 order by date),
               array_agg(lower_95 order by date), array_agg(upper_95 order by date), min(method)
          from ${s}.forecast_points
         group by tenant_id, run_id, item_id;
      drop table ${s}.forecast_points;
      alter table ${s}.forecast_points_per_item rename to forecast_points;
      alter index ${s}.forecast_points_per_item_pkey rename to forecast_points_pkey;
      ${tenantRowSecurity(s, 'forecast_points')}`,
  },
  {
    // A demand upload inserts up to a million rows in one statement, and the per-row policy called
    // current_setting in the WITH CHECK of every one of them: read once per statement instead.
    id: '0003_demand_policy_per_statement',
    up: (s) => tenantRowSecurity(s, 'ts_demand_daily', 'per-statement'),
  },
];
