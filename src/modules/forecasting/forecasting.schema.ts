import { type Static, Type } from '@sinclair/typebox';
import { CursorParams, ListQuery, PageParams as ListPageParams } from '../listing/list-query.schema.js';
import { FORECAST_METHODS, RUN_STATUSES } from './forecasting.tables.js';

/** The most rows one `POST /demand` takes (SPEC §8). */
export const MAX_DEMAND_ROWS = 1_000_000;
/** The largest `/demand` body, spooled to disk as it arrives. */
export const DEMAND_BODY_LIMIT = 256 * 1024 * 1024;

const Day = Type.String({ format: 'date', description: 'A calendar day, YYYY-MM-DD' });
const ItemId = Type.String({ minLength: 1, maxLength: 200 });
const Fraction = Type.Union([Type.Number(), Type.Null()]);

export const DemandRow = Type.Object(
  {
    item_id: ItemId,
    date: Day,
    units_sold: Type.Number({ minimum: 0, maximum: 1e12 }),
  },
  { additionalProperties: false },
);

/** For the documentation and the generated clients; the route validates rows itself while spooling. */
export const DemandBody = Type.Object(
  { rows: Type.Array(DemandRow, { minItems: 1, maxItems: MAX_DEMAND_ROWS }) },
  {
    additionalProperties: false,
    description:
      'JSON rows, or a text/csv body with the header item_id,date,units_sold (up to 1,000,000 rows, 256 MiB)',
    examples: [{ rows: [{ item_id: 'sku-1', date: '2026-01-31', units_sold: 12 }] }],
  },
);

export const DemandIngest = Type.Object({
  received: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
});

const PageParams = { ...ListPageParams, tenant_id: Type.Optional(Type.String()) };

export const DemandQuery = Type.Object(
  {
    ...PageParams,
    ...CursorParams,
    item_id: Type.Optional(ItemId),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type DemandQuery = Static<typeof DemandQuery>;

export const ITEM_SORTS = [
  'item_id',
  '-item_id',
  'total_units',
  '-total_units',
  'last_date',
  '-last_date',
] as const;

export const DemandItemsQuery = Type.Object(
  {
    ...PageParams,
    ...CursorParams,
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(Type.Union(ITEM_SORTS.map((s) => Type.Literal(s)))),
  },
  { additionalProperties: false },
);
export type DemandItemsQuery = Static<typeof DemandItemsQuery>;

export const DemandPoint = Type.Object({
  item_id: Type.String(),
  date: Type.String(),
  units_sold: Type.Number(),
});

export const DemandItem = Type.Object({
  item_id: Type.String(),
  days: Type.Integer(),
  first_date: Type.String(),
  last_date: Type.String(),
  total_units: Type.Number(),
});

export const CreateForecastBody = Type.Object(
  {
    item_ids: Type.Optional(Type.Array(ItemId, { minItems: 1, maxItems: 100_000, uniqueItems: true })),
    horizon_days: Type.Integer({ minimum: 1, maximum: 365 }),
    method: Type.Optional(Type.Union(FORECAST_METHODS.map((m) => Type.Literal(m)))),
    season_length: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    holdout_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  },
  {
    additionalProperties: false,
    examples: [{ horizon_days: 28, method: 'auto' }],
  },
);
export type CreateForecastBody = Static<typeof CreateForecastBody>;

export const ForecastRun = Type.Object({
  id: Type.String({ format: 'uuid' }),
  tenant_id: Type.String(),
  status: Type.Union(RUN_STATUSES.map((s) => Type.Literal(s))),
  method: Type.String(),
  horizon_days: Type.Integer(),
  season_length: Type.Integer(),
  holdout_days: Type.Integer(),
  item_count: Type.Integer(),
  items_done: Type.Integer(),
  created_at: Type.String({ format: 'date-time' }),
  started_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finished_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});
export type ForecastRun = Static<typeof ForecastRun>;

/** SPEC §5's list parameters; a run has no name, so `q`, `name` and `-name` read its `method`. */
export const RunsQuery = Type.Object(
  {
    ...ListQuery.properties,
    status: Type.Optional(Type.Union(RUN_STATUSES.map((s) => Type.Literal(s)))),
    q: Type.Optional(Type.String({ maxLength: 200, description: "Searches the run's `method`" })),
  },
  { additionalProperties: false },
);
export type RunsQuery = Static<typeof RunsQuery>;

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const ForecastsQuery = Type.Object(
  { ...PageParams, ...CursorParams, item_id: Type.Optional(ItemId) },
  { additionalProperties: false },
);
export type ForecastsQuery = Static<typeof ForecastsQuery>;

export const ForecastPoint = Type.Object({
  item_id: Type.String(),
  date: Type.String(),
  units: Type.Number(),
  lower_80: Type.Number(),
  upper_80: Type.Number(),
  lower_95: Type.Number(),
  upper_95: Type.Number(),
  method: Type.String(),
});

const QualityNumbers = {
  mape: Fraction,
  wape: Fraction,
  mase: Fraction,
  bias: Fraction,
};

export const RunQuality = Type.Object({
  run_id: Type.String(),
  overall: Type.Object(QualityNumbers),
  items: Type.Array(
    Type.Object({
      item_id: Type.String(),
      method: Type.String(),
      ...QualityNumbers,
      holdout_days: Type.Integer(),
    }),
  ),
});

export const QualityQuery = Type.Object(
  { item_id: Type.Optional(ItemId), tenant_id: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

export const ItemParams = Type.Object({ item_id: ItemId });

export const InventoryQuery = Type.Object(
  {
    lead_time_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    service_level: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
    tenant_id: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type InventoryQuery = Static<typeof InventoryQuery>;

export const Inventory = Type.Object({
  item_id: Type.String(),
  lead_time_days: Type.Integer(),
  service_level: Type.Number(),
  lead_time_demand: Type.Number(),
  safety_stock: Type.Number(),
  reorder_point: Type.Number(),
  run_id: Type.String(),
  method: Type.String(),
  sigma_daily: Type.Number(),
  z: Type.Number(),
});
