import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';
import { demandRows, forecastingClient, runEnded } from './forecasting-calls.js';

let tb: TestInstance;
const admin = async () => ({ authorization: `Bearer ${await tb.adminToken()}` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PER_ITEM = 'forecasting:0002_forecast_points_per_item';
const ARRAYS = ['units', 'lower_80', 'upper_80', 'lower_95', 'upper_95'] as const;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  tb = await startTestInstance();
}, 120_000);
afterAll(() => tb?.destroy());

async function exportArchive(tenant: string): Promise<Buffer> {
  const started = await tb.app.inject({
    method: 'POST',
    url: `/api/v1/tenants/${tenant}/export`,
    headers: await admin(),
  });
  expect(started.statusCode, started.body).toBe(202);
  const exportUrl = `/api/v1/tenants/${tenant}/exports/${started.json().data.id}`;
  for (;;) {
    const status = (await tb.app.inject({ url: exportUrl, headers: await admin() })).json().data;
    if (status.status !== 'running') {
      expect(status.status, status.error).toBe('done');
      break;
    }
    await sleep(50);
  }
  return (await tb.app.inject({ url: `${exportUrl}?download=1`, headers: await admin() })).rawPayload;
}

/**
 * Rewrites a current archive as one exported before migration 0002: no 0002 in its migrations,
 * forecast_points one row per item and day (the layout 0001 created), checksums recomputed.
 */
function asBeforePerItem(archive: Buffer): Buffer {
  const [manifestLine, ...lines] = gunzipSync(archive).toString('utf8').split('\n').filter(Boolean);
  const manifest = JSON.parse(manifestLine!);
  manifest.migrations = manifest.migrations.filter((id: string) => id !== PER_ITEM);
  const out: string[] = [];
  const oldRows: string[] = [];
  for (const line of lines) {
    const { table, row } = JSON.parse(line) as { table: string; row: Record<string, unknown> };
    if (table !== 'forecast_points') {
      out.push(line);
      continue;
    }
    const first = Date.parse(`${row.first_date as string}T00:00:00Z`);
    (row.units as number[]).forEach((_, day) => {
      const old: Record<string, unknown> = {
        run_id: row.run_id,
        item_id: row.item_id,
        date: new Date(first + day * DAY_MS).toISOString().slice(0, 10),
      };
      for (const name of ARRAYS) old[name] = (row[name] as number[])[day];
      old.method = row.method;
      oldRows.push(JSON.stringify(old));
    });
  }
  const at = manifest.tables.findIndex((t: { name: string }) => t.name === 'forecast_points');
  const hash = createHash('sha256');
  for (const row of oldRows) hash.update(`${row}\n`);
  manifest.tables[at] = {
    name: 'forecast_points',
    columns: ['run_id', 'item_id', 'date', ...ARRAYS, 'method'],
    primary_key: ['run_id', 'item_id', 'date'],
    rows: oldRows.length,
    sha256: hash.digest('hex'),
  };
  // Rows stay in manifest table order: forecast_points' lines go where its old ones were.
  const before = out.filter(
    (line) =>
      manifest.tables.findIndex((t: { name: string }) => line.startsWith(`{"table":"${t.name}"`)) < at,
  );
  const after = out.filter((line) => !before.includes(line));
  const data = [...before, ...oldRows.map((row) => `{"table":"forecast_points","row":${row}}`), ...after];
  return gzipSync(`${JSON.stringify(manifest)}\n${data.map((line) => `${line}\n`).join('')}`);
}

describe('an archive exported before forecasts were stored per item', () => {
  it(
    'imports, its per-day forecast rows joined into per-item arrays, in every model',
    { timeout: 180_000 },
    async () => {
      await tb.createTenant({ id: 'fco', isolation: 'pool', tier: 'premium' });
      const source = forecastingClient(tb, await tb.login('owner@fco.test', 'owner-password-1', 'fco'));
      const rows = [...demandRows('old-1', 40), ...demandRows('old-2', 35, '2026-03-30', 8)];
      expect((await source.post('/demand', { rows })).statusCode).toBe(200);
      const run = await source.post('/forecast', { horizon_days: 6, method: 'seasonal_naive' });
      await runEnded(source, run.json().data.id);
      const forecasts = (
        await source.get(`/forecast-runs/${run.json().data.id}/forecasts?per_page=100`)
      ).json().data;
      expect(forecasts).toHaveLength(12);

      const old = asBeforePerItem(await exportArchive('fco'));
      for (const isolation of ['pool', 'schema', 'database']) {
        const id = `fco-${isolation}`;
        const imported = await tb.app.inject({
          method: 'POST',
          url: `/api/v1/tenants/${id}/import?isolation=${isolation}`,
          headers: { ...(await admin()), 'content-type': 'application/gzip' },
          payload: old,
        });
        expect(imported.statusCode, imported.body).toBe(201);
        expect(imported.json().data.tables.forecast_points).toBe(12); // the archive's (per-day) rows
        const copy = forecastingClient(tb, await tb.adminToken(), id);
        const got = await copy.get(`/forecast-runs/${run.json().data.id}/forecasts?per_page=100`);
        expect(got.json().data, isolation).toEqual(forecasts);
        expect((await copy.get('/inventory/old-2?lead_time_days=3')).statusCode).toBe(200);
      }
    },
  );

  it('still refuses an old archive whose per-day rows break the old key', { timeout: 60_000 }, async () => {
    const old = asBeforePerItem(await exportArchive('fco'));
    const [manifestLine, ...lines] = gunzipSync(old).toString('utf8').split('\n').filter(Boolean);
    const manifest = JSON.parse(manifestLine!);
    const at = lines.findIndex((line) => line.startsWith('{"table":"forecast_points"'));
    lines.splice(at, 0, lines[at]!); // the same item and day twice
    const entry = manifest.tables.find((t: { name: string }) => t.name === 'forecast_points');
    const hash = createHash('sha256');
    for (const line of lines.filter((l) => l.startsWith('{"table":"forecast_points"')))
      hash.update(`${line.slice('{"table":"forecast_points","row":'.length, -1)}\n`);
    entry.rows += 1;
    entry.sha256 = hash.digest('hex');
    const refused = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/tenants/fco-bad/import?isolation=pool',
      headers: { ...(await admin()), 'content-type': 'application/gzip' },
      payload: gzipSync(`${JSON.stringify(manifest)}\n${lines.map((line) => `${line}\n`).join('')}`),
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect((await tb.services.tenancy.registry.load('fco-bad' as never))?.status ?? 'none').not.toBe(
      'active',
    );
  });
});
