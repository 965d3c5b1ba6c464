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

/**
 * Daily series for the given items, oldest first, days without a row as 0; ordered as `items`.
 * With `lastRows`, only each item's latest `lastRows` rows are read, for methods that look no
 * further back than that. One query: a backward walk of the primary key per item (LATERAL), no
 * sort, each item's rows joined into text (several times faster to read than int[] and float8[]).
 */
export async function readHistories(
  scope: TenantScope,
  items: string[],
  lastRows?: number,
): Promise<SeriesInput[]> {
  if (items.length === 0) return [];
  // Right after a large load the table has no statistics yet, and the planner then prefers a
  // bitmap scan of each item's whole history plus a sort over walking its index backwards.
  // Not awaited alone: the scope's client pipelines it with the read, one round trip for both.
  const planned = sql`set local enable_bitmapscan = off`.execute(scope.db);
  const reading = sql<{ n: number; days: string | null; units: string | null }>`
    select i.n::int as n, w.days, w.units
      from unnest(${items}::text[]) with ordinality as i(item_id, n)
      cross join lateral (
        select string_agg((x.date - ${EPOCH}::date)::text, ',') as days,
               string_agg(x.units_sold::text, ',') as units
          from (
            select d.date, d.units_sold from ${sql.id(scope.schema, 'ts_demand_daily')} d
             where d.tenant_id = ${scope.tenantId} and d.item_id = i.item_id
             order by d.date desc
             limit ${lastRows ?? null}
          ) x
      ) w`.execute(scope.db);
  const [, result] = await Promise.all([planned, reading]);
  const byIndex = new Map(result.rows.map((row) => [row.n - 1, row]));
  const series: SeriesInput[] = [];
  items.forEach((itemId, k) => {
    const row = byIndex.get(k);
    if (!row?.days || !row.units) return;
    // Newest first, as the index was walked.
    const days = row.days.split(',');
    const units = row.units.split(',');
    const last = Number(days[0]);
    const first = Number(days[days.length - 1]);
    const values = new Float64Array(last - first + 1);
    for (let i = 0; i < days.length; i += 1) values[Number(days[i]) - first] = Number(units[i]);
    series.push({ itemId, firstDate: dayAfterEpoch(first), values });
  });
  return series;
}
