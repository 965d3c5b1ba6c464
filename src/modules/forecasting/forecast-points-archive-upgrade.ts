import type { ArchiveUpgrade } from '../archive-upgrade.js';

const arrays = ['units', 'lower_80', 'upper_80', 'lower_95', 'upper_95'] as const;

/**
 * Archives exported before migration 0002 hold forecast_points one row per item and day; they
 * import as one row per item with the days as arrays, the conversion 0002 itself applies.
 */
export const forecastPointsArchiveUpgrade: ArchiveUpgrade = {
  table: 'forecast_points',
  migration: '0002_forecast_points_per_item',
  columns: [
    { name: 'run_id', type: 'uuid not null' },
    { name: 'item_id', type: 'text not null' },
    { name: 'date', type: 'date not null' },
    ...arrays.map((name) => ({ name, type: 'double precision not null' })),
    { name: 'method', type: 'text not null' },
  ],
  primaryKey: ['run_id', 'item_id', 'date'],
  convert: (target, staged) => `
    insert into ${target}
      (tenant_id, run_id, item_id, first_date, ${arrays.join(', ')}, method)
    select tenant_id, run_id, item_id, min(date),
           ${arrays.map((name) => `array_agg(${name} order by date)`).join(', ')}, min(method)
      from ${staged}
     group by tenant_id, run_id, item_id`,
};
