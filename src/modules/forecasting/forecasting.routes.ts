import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { AppServices } from '../../app/app-services.js';
import { AppError } from '../../errors.js';
import {
  dataEnvelope,
  inTenant,
  listEnvelope,
  sendData,
  type TenantRoutes,
  typedRoutes,
} from '../../http/route-kit.js';
import { effectiveQuota } from '../../tenancy/tiers.js';
import { createForecastRun, ITEMS_PER_RUN_QUOTA } from './create-forecast-run.js';
import { DemandUpload, receiveDemandUploads } from './demand-upload.js';
import { findDemand } from './find-demand.js';
import { findDemandItems } from './find-demand-items.js';
import { findForecastRuns } from './find-forecast-runs.js';
import { findRunForecasts } from './find-run-forecasts.js';
import { toForecastRun } from './forecast-run-row.js';
import {
  CreateForecastBody,
  DEMAND_BODY_LIMIT,
  DemandBody,
  DemandIngest,
  DemandItem,
  DemandItemsQuery,
  DemandPoint,
  DemandQuery,
  ForecastPoint,
  ForecastRun,
  ForecastsQuery,
  IdParams,
  Inventory,
  InventoryQuery,
  ItemParams,
  QualityQuery,
  RunQuality,
  RunsQuery,
} from './forecasting.schema.js';
import { getForecastRun } from './get-forecast-run.js';
import { getInventory } from './get-inventory.js';
import { getRunQuality } from './get-run-quality.js';
import { ingestDemand } from './ingest-demand.js';
import { spoolDemand } from './spool-demand.js';

const tags = ['forecasting'];
const read = { tenant: 'required', permission: 'forecasting:read' } as const;
const write = { tenant: 'required', permission: 'forecasting:write' } as const;

/** Demand history in, forecast runs, their forecasts and quality, and inventory advice out. */
export async function forecastingRoutes(app: TenantRoutes, services: AppServices): Promise<void> {
  // Its own context: only this route takes its body as a stream (JSON or CSV, up to 256 MiB).
  await app.register(async (context) => {
    const uploads = typedRoutes(context);
    receiveDemandUploads(uploads);
    uploads.post(
      '/demand',
      {
        bodyLimit: DEMAND_BODY_LIMIT,
        // The body is validated row by row while it is spooled, not parsed into memory first.
        validatorCompiler: () => () => true,
        schema: {
          summary: 'Upsert daily demand rows (JSON or CSV)',
          operationId: 'ingestDemand',
          tags,
          body: DemandBody,
          response: { 200: dataEnvelope(DemandIngest) },
        },
        config: write,
      },
      async (request, reply) => {
        const upload: unknown = request.body;
        if (!(upload instanceof DemandUpload)) {
          throw new AppError(
            'VALIDATION_FAILED',
            'Send the rows as application/json {"rows":[...]} or as text/csv',
            {
              details: [{ path: 'body', message: 'is empty' }],
            },
          );
        }
        const spooled = await spoolDemand(
          upload.stream,
          upload.format,
          path.join(services.config.dataDir, 'demand-uploads'),
        );
        try {
          const result = await inTenant(request, services, (scope) => ingestDemand(scope, spooled));
          return sendData(reply, result);
        } finally {
          await rm(spooled.file, { force: true });
        }
      },
    );
  });

  app.get(
    '/demand',
    {
      schema: {
        summary: 'List daily demand',
        description:
          'By item, then day. Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; ' +
          'cursor pages are keyset pages on (item_id, date).',
        operationId: 'listDemand',
        tags,
        querystring: DemandQuery,
        response: { 200: listEnvelope(DemandPoint) },
      },
      config: { ...read, cache: true },
    },
    async (request, reply) => {
      const page = await inTenant(request, services, (scope) => findDemand(scope, request.query));
      return sendData(reply, page.rows, { pagination: page.pagination });
    },
  );

  app.get(
    '/demand/items',
    {
      schema: {
        summary: 'List items with demand history',
        description:
          'Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; cursor pages are keyset ' +
          "pages on (the sort's value, item_id). With `sort=item_id` (the default) new items never make " +
          'a cursor walk skip or repeat one; the totals and last dates of other sorts move as demand arrives.',
        operationId: 'listDemandItems',
        tags,
        querystring: DemandItemsQuery,
        response: { 200: listEnvelope(DemandItem) },
      },
      config: { ...read, cache: true },
    },
    async (request, reply) => {
      const page = await inTenant(request, services, (scope) => findDemandItems(scope, request.query));
      return sendData(reply, page.rows, { pagination: page.pagination });
    },
  );

  const createRun = (operationId: string, summary: string) =>
    app.post(
      operationId === 'createForecast' ? '/forecast' : '/forecast-runs',
      {
        schema: {
          summary,
          operationId,
          tags,
          body: CreateForecastBody,
          response: { 202: dataEnvelope(ForecastRun) },
        },
        config: write,
      },
      async (request, reply) => {
        const tenant = request.tenant!;
        const limit = effectiveQuota(tenant.tier, ITEMS_PER_RUN_QUOTA);
        const row = await inTenant(request, services, (scope) =>
          createForecastRun(scope, services.jobs, request.body, limit),
        );
        return sendData(reply, toForecastRun(row), { status: 202 });
      },
    );
  createRun('createForecast', 'Start a forecast run (a background job)');
  createRun('createForecastRun', 'Start a forecast run (the same as POST /forecast)');

  app.get(
    '/forecast-runs',
    {
      schema: {
        summary: 'List forecast runs',
        description:
          'Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination, filters `status`, ' +
          '`created_from`, `created_to` and `q`, sorts `-created_at` (the default), `created_at`, ' +
          '`status`, `name` and `-name`. A run has no name: `q` and the name sorts read its `method`.',
        operationId: 'listForecastRuns',
        tags,
        querystring: RunsQuery,
        response: { 200: listEnvelope(ForecastRun) },
      },
      config: read,
    },
    async (request, reply) => {
      const page = await inTenant(request, services, (scope) => findForecastRuns(scope, request.query));
      return sendData(reply, page.rows.map(toForecastRun), { pagination: page.pagination });
    },
  );

  app.get(
    '/forecast-runs/:id',
    {
      schema: {
        summary: 'Get a forecast run',
        operationId: 'getForecastRun',
        tags,
        params: IdParams,
        response: { 200: dataEnvelope(ForecastRun) },
      },
      config: read,
    },
    async (request, reply) => {
      const row = await inTenant(request, services, (scope) => getForecastRun(scope, request.params.id));
      return sendData(reply, toForecastRun(row));
    },
  );

  app.get(
    '/forecast-runs/:id/forecasts',
    {
      schema: {
        summary: "List a run's forecasts",
        description:
          'By item, then day. Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; ' +
          'cursor pages are keyset pages on (item_id, date).',
        operationId: 'listRunForecasts',
        tags,
        params: IdParams,
        querystring: ForecastsQuery,
        response: { 200: listEnvelope(ForecastPoint) },
      },
      config: { ...read, cache: true },
    },
    async (request, reply) => {
      const page = await inTenant(request, services, (scope) =>
        findRunForecasts(scope, request.params.id, request.query),
      );
      return sendData(reply, page.rows, { pagination: page.pagination });
    },
  );

  app.get(
    '/forecast-runs/:id/quality',
    {
      schema: {
        summary: "A run's holdout backtest: MAPE, WAPE, MASE and bias",
        operationId: 'getRunQuality',
        tags,
        params: IdParams,
        querystring: QualityQuery,
        response: { 200: dataEnvelope(RunQuality) },
      },
      config: read,
    },
    async (request, reply) => {
      const quality = await inTenant(request, services, (scope) =>
        getRunQuality(scope, request.params.id, request.query.item_id),
      );
      return sendData(reply, quality);
    },
  );

  app.get(
    '/inventory/:item_id',
    {
      schema: {
        summary: 'Lead-time demand, safety stock and reorder point of an item',
        operationId: 'getInventory',
        tags,
        params: ItemParams,
        querystring: InventoryQuery,
        response: { 200: dataEnvelope(Inventory) },
      },
      config: read,
    },
    async (request, reply) => {
      const advice = await inTenant(request, services, (scope) =>
        getInventory(scope, request.params.item_id, request.query),
      );
      return sendData(reply, advice);
    },
  );
}
