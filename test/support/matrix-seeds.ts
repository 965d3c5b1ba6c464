import type { LightMyRequestResponse } from 'fastify';

/** Sends a request as the side's caller: GET without a body, POST with one. */
export type SeedCall = (url: string, body?: unknown) => Promise<LightMyRequestResponse>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rows of collections that no `POST <collection>` creates, made the way a client makes them; each
 * answers the id its item routes take. Keyed by collection path.
 */
export const ROW_SEEDS: Record<string, (call: SeedCall, marker: string) => Promise<string>> = {
  // GET /inventory/:item_id answers for an item that a finished forecast run covers.
  '/api/v1/inventory': async (call, marker) => {
    const item = `${marker}-item`;
    const rows = Array.from({ length: 21 }, (_, i) => ({
      item_id: item,
      date: `2026-01-${String(i + 1).padStart(2, '0')}`,
      units_sold: 5 + (i % 7),
    }));
    const ingested = await call('/api/v1/demand', { rows });
    if (ingested.statusCode !== 200) throw new Error(`POST /demand answered ${ingested.body}`);
    const started = await call('/api/v1/forecast', {
      item_ids: [item],
      horizon_days: 7,
      method: 'seasonal_naive',
    });
    if (started.statusCode !== 202) throw new Error(`POST /forecast answered ${started.body}`);
    const id = started.json().data.id as string;
    for (let tries = 0; tries < 2400; tries += 1) {
      const run = (await call(`/api/v1/forecast-runs/${id}`)).json().data;
      if (run.status === 'done') return item;
      if (run.status === 'failed') throw new Error(`forecast run failed: ${run.error}`);
      await sleep(50);
    }
    throw new Error('the forecast run did not finish');
  },
};

/** Collections whose rows a create route makes under another path: `POST /forecast` makes forecast runs. */
export const READ_BACK_AT: Record<string, string> = {
  '/api/v1/forecast': '/api/v1/forecast-runs',
};
