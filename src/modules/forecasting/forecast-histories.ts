import { sql } from 'kysely';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { SeriesInput } from './engine/forecast-engine.js';

const DAY_MS = 86_400_000;
/** Days are sent as offsets from this day: int arrays parse much faster than date arrays. */
const EPOCH = '2000-01-01';
const EPOCH_MS = Date.UTC(2000, 0, 1);

/** `YYYY-MM-DD` of the day `offset` days after 2000-01-01. */
export function dayAfterEpoch(offset: number): string {
  return new Date(EPOCH_MS + offset * DAY_MS).toISOString().slice(0, 10);
}

/** Daily series for the given items, oldest first, days without a row as 0; ordered as `items`. */
export async function readHistories(scope: TenantScope, items: string[]): Promise<SeriesInput[]> {
  if (items.length === 0) return [];
  const rows = await scope.db
    .selectFrom('ts_demand_daily')
    .select([
      'item_id',
      // Text joined by commas, split here: several times faster to read than int[] and float8[].
      sql<string>`string_agg((date - ${EPOCH}::date)::text, ',' order by date)`.as('days'),
      sql<string>`string_agg(units_sold::text, ',' order by date)`.as('units'),
    ])
    .where('tenant_id', '=', scope.tenantId)
    .where('item_id', 'in', items)
    .groupBy('item_id')
    .execute();
  const byItem = new Map(rows.map((row) => [row.item_id, row]));
  const series: SeriesInput[] = [];
  for (const item of items) {
    const row = byItem.get(item);
    if (!row?.days) continue;
    const days = row.days.split(',');
    const units = row.units.split(',');
    const first = Number(days[0]);
    const last = Number(days[days.length - 1]);
    const values = new Float64Array(last - first + 1);
    for (let i = 0; i < days.length; i += 1) values[Number(days[i]) - first] = Number(units[i]);
    series.push({ itemId: item, firstDate: dayAfterEpoch(first), values });
  }
  return series;
}
