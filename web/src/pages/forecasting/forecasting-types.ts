import type { operations } from '../../api/generated';

type DataOf<Op extends keyof operations> = operations[Op]['responses'] extends { 200: infer R }
  ? R extends { content: { 'application/json': { data: infer D } } }
    ? D
    : never
  : never;
type ItemOf<Op extends keyof operations> = DataOf<Op> extends readonly (infer I)[] ? I : never;

/** The forecasting API's objects, from the generated OpenAPI types. */
export type DemandItem = ItemOf<'listDemandItems'>;
export type DemandPoint = ItemOf<'listDemand'>;
export type ForecastRun = DataOf<'getForecastRun'>;
export type ForecastPoint = ItemOf<'listRunForecasts'>;
export type RunQuality = DataOf<'getRunQuality'>;
export type InventoryAdvice = DataOf<'getInventory'>;

/** A fraction as a percentage for people (MAPE 0.123 → "12.3%"); null is "—". */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function decimal(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined
    ? '—'
    : value.toLocaleString(undefined, { maximumFractionDigits: digits });
}
