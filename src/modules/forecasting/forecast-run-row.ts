import type { ForecastRun } from './forecasting.schema.js';

/** The columns a run is shown with (its item list stays inside). */
export const RUN_COLUMNS = [
  'tenant_id',
  'id',
  'status',
  'method',
  'horizon_days',
  'season_length',
  'holdout_days',
  'item_count',
  'items_done',
  'created_at',
  'started_at',
  'finished_at',
  'error',
] as const;

export interface ForecastRunRow {
  tenant_id: string;
  id: string;
  status: string;
  method: string;
  horizon_days: number;
  season_length: number;
  holdout_days: number;
  item_count: number;
  items_done: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
}

export function toForecastRun(row: ForecastRunRow): ForecastRun {
  return {
    ...row,
    status: row.status as ForecastRun['status'],
    created_at: row.created_at.toISOString(),
    started_at: row.started_at?.toISOString() ?? null,
    finished_at: row.finished_at?.toISOString() ?? null,
  };
}
