import type { LightMyRequestResponse } from 'fastify';
import type { TestInstance } from '../support/test-instance.js';

/** A tenant user's view of the forecasting API through `inject()`. */
export interface ForecastingClient {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body: unknown, contentType?: string): Promise<LightMyRequestResponse>;
}

export function forecastingClient(tb: TestInstance, token: string, tenantId?: string): ForecastingClient {
  const headers = {
    authorization: `Bearer ${token}`,
    ...(tenantId ? { 'x-tenant-id': tenantId } : {}),
  };
  return {
    get: (url) => tb.app.inject({ method: 'GET', url: `/api/v1${url}`, headers }),
    post: (url, body, contentType = 'application/json') =>
      tb.app.inject({
        method: 'POST',
        url: `/api/v1${url}`,
        headers: { ...headers, 'content-type': contentType },
        payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
      }),
  };
}

const DAY_MS = 86_400_000;

/** `days` consecutive days of demand for `item`, weekly pattern plus a little trend, ending on `last`. */
export function demandRows(item: string, days: number, last = '2026-03-31', level = 20) {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(end - (days - 1 - i) * DAY_MS);
    const weekly = [0.6, 1, 1.1, 1.2, 1.3, 1.6, 0.8][day.getUTCDay()]!;
    return {
      item_id: item,
      date: day.toISOString().slice(0, 10),
      units_sold: Math.round(level * weekly + i * 0.05 + ((i * 7919) % 5)),
    };
  });
}

/** The same rows as CSV with the contract's header. */
export function demandCsv(rows: Array<{ item_id: string; date: string; units_sold: number }>): string {
  return ['item_id,date,units_sold', ...rows.map((r) => `${r.item_id},${r.date},${r.units_sold}`)].join('\n');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a run until it has ended; returns it. */
export async function runEnded(client: ForecastingClient, id: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = (await client.get(`/forecast-runs/${id}`)).json().data;
    if (run.status === 'done' || run.status === 'failed') return run;
    if (Date.now() > deadline)
      throw new Error(`run ${id} still ${run.status} (${run.items_done}/${run.item_count})`);
    await sleep(50);
  }
}
