import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';
import { demandCsv, demandRows, forecastingClient, runEnded } from './forecasting-calls.js';

let tb: TestInstance;
let ownerToken: string;

const admin = async () => ({ authorization: `Bearer ${await tb.adminToken()}` });

async function addUser(tenant: string, role: string): Promise<string> {
  const owner = await tb.login(`owner@${tenant}.test`, 'owner-password-1', tenant);
  const email = `${role}@${tenant}.test`;
  const created = await tb.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { authorization: `Bearer ${owner}` },
    payload: { email, role, password: `${role}-password-1` },
  });
  expect(created.statusCode, created.body).toBe(201);
  return tb.login(email, `${role}-password-1`, tenant);
}

beforeAll(async () => {
  tb = await startTestInstance();
  await tb.createTenant({ id: 'fcp', isolation: 'pool', tier: 'standard' });
  ownerToken = await tb.login('owner@fcp.test', 'owner-password-1', 'fcp');
}, 120_000);
afterAll(() => tb?.destroy());

describe('forecasting permissions and feature', () => {
  it('lets a viewer read but not write, and a member write', { timeout: 60_000 }, async () => {
    const viewer = forecastingClient(tb, await addUser('fcp', 'viewer'));
    const member = forecastingClient(tb, await addUser('fcp', 'member'));
    const ingested = await member.post('/demand', { rows: demandRows('perm-1', 30) });
    expect(ingested.statusCode, ingested.body).toBe(200);
    expect((await viewer.get('/demand/items')).statusCode).toBe(200);
    for (const [url, body] of [
      ['/demand', { rows: demandRows('perm-2', 3) }],
      ['/forecast', { horizon_days: 7 }],
    ] as const) {
      const refused = await viewer.post(url, body);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
    }
    expect((await viewer.post('/demand', demandCsv(demandRows('perm-3', 2)), 'text/csv')).statusCode).toBe(
      403,
    );
    const run = await member.post('/forecast', { horizon_days: 7, method: 'seasonal_naive' });
    expect(run.statusCode, run.body).toBe(202);
    expect((await runEnded(viewer, run.json().data.id)).status).toBe('done');
  });

  it('answers FEATURE_DISABLED, before any permission check, when the feature is off', async () => {
    const viewer = forecastingClient(tb, await tb.login('viewer@fcp.test', 'viewer-password-1', 'fcp'));
    const off = await tb.app.inject({
      method: 'PATCH',
      url: '/api/v1/tenants/fcp',
      headers: await admin(),
      payload: { feature_overrides: { forecasting: false } },
    });
    expect(off.statusCode, off.body).toBe(200);
    try {
      const owner = forecastingClient(tb, ownerToken);
      for (const response of [
        await owner.get('/demand/items'),
        await owner.get('/forecast-runs'),
        await owner.post('/demand', { rows: demandRows('off', 2) }),
        await viewer.post('/forecast', { horizon_days: 7 }),
        await viewer.post('/demand', 'item_id,date,units_sold\nx,2026-01-01,1\n', 'text/csv'),
      ]) {
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json().error.code).toBe('FEATURE_DISABLED');
      }
    } finally {
      await tb.app.inject({
        method: 'PATCH',
        url: '/api/v1/tenants/fcp',
        headers: await admin(),
        payload: { feature_overrides: { forecasting: true } },
      });
    }
    expect((await forecastingClient(tb, ownerToken).get('/demand/items')).statusCode).toBe(200);
  });
});

describe('forecasting limits', () => {
  it('refuses more than 1,000,000 rows in one body, writing nothing', { timeout: 120_000 }, async () => {
    const owner = forecastingClient(tb, ownerToken);
    const lines = ['item_id,date,units_sold'];
    for (let i = 0; i <= 1_000_000; i += 1)
      lines.push(`big-${i % 1000},${2000 + Math.floor(i / 1000)}-01-01,1`);
    const refused = await owner.post('/demand', lines.join('\n'), 'text/csv');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { path: 'body', message: expect.stringContaining('1,000,000') },
    ]);
    expect((await owner.get('/demand/items?q=big-')).json().data).toEqual([]);
  });

  it(
    'refuses a run over the tier’s items per run (1,000 on standard) with LIMIT_EXCEEDED',
    { timeout: 60_000 },
    async () => {
      const owner = forecastingClient(tb, ownerToken);
      const rows = Array.from({ length: 1001 }, (_, i) => ({
        item_id: `many-${i}`,
        date: '2026-01-01',
        units_sold: i,
      }));
      expect((await owner.post('/demand', { rows })).statusCode).toBe(200);
      const refused = await owner.post('/forecast', { horizon_days: 7 });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('LIMIT_EXCEEDED');
      const subset = await owner.post('/forecast', { horizon_days: 7, item_ids: ['many-1', 'many-2'] });
      expect(subset.statusCode, subset.body).toBe(202);
    },
  );
});

describe('forecasting data in the tenant lifecycle', () => {
  it(
    'travels in an export to an import in another model, and goes with a deletion',
    { timeout: 120_000 },
    async () => {
      await tb.createTenant({ id: 'fcx', isolation: 'schema', tier: 'premium' });
      const source = forecastingClient(tb, await tb.login('owner@fcx.test', 'owner-password-1', 'fcx'));
      expect((await source.post('/demand', { rows: demandRows('arch-1', 40) })).statusCode).toBe(200);
      const run = await source.post('/forecast', { horizon_days: 5, method: 'seasonal_naive' });
      await runEnded(source, run.json().data.id);

      const started = await tb.app.inject({
        method: 'POST',
        url: '/api/v1/tenants/fcx/export',
        headers: await admin(),
      });
      expect(started.statusCode).toBe(202);
      const exportUrl = `/api/v1/tenants/fcx/exports/${started.json().data.id}`;
      let status;
      for (;;) {
        status = (await tb.app.inject({ url: exportUrl, headers: await admin() })).json().data;
        if (status.status !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status.status, status.error).toBe('done');
      const rows = Object.fromEntries(
        status.tables.map((t: { name: string; rows: number }) => [t.name, t.rows]),
      );
      expect(rows).toMatchObject({
        ts_demand_daily: 40,
        forecast_runs: 1,
        forecast_points: 1, // one row per item, its 5 days as arrays
        forecast_item_quality: 1,
      });
      const archive = (await tb.app.inject({ url: `${exportUrl}?download=1`, headers: await admin() }))
        .rawPayload;

      const imported = await tb.app.inject({
        method: 'POST',
        url: '/api/v1/tenants/fcy/import?isolation=database',
        headers: { ...(await admin()), 'content-type': 'application/gzip' },
        payload: archive,
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const copy = forecastingClient(tb, await tb.adminToken(), 'fcy');
      expect((await copy.get('/demand/items')).json().data).toEqual(
        (await source.get('/demand/items')).json().data,
      );
      const runs = (await copy.get('/forecast-runs')).json().data;
      expect(runs).toHaveLength(1);
      expect((await copy.get(`/forecast-runs/${runs[0].id}/forecasts`)).json().pagination.total).toBe(5);
      expect((await copy.get('/inventory/arch-1?lead_time_days=3')).statusCode).toBe(200);

      const deleted = await tb.app.inject({
        method: 'DELETE',
        url: '/api/v1/tenants/fcx?confirm=fcx',
        headers: await admin(),
      });
      expect(deleted.statusCode).toBe(202);
      const registry = tb.services.tenancy.registry;
      for (;;) {
        const row = await registry.load('fcx' as TenantId);
        if (row?.status === 'deleted') {
          expect(await tb.services.tenancy.inspect(row)).toMatchObject({ exists: false, rows: 0 });
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  );
});
