import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_COLUMNS } from '../src/modules/fleet-reports/fleet-reports.schema.js';
import { flushTenantTraffic } from '../src/modules/fleet-reports/flush-tenant-traffic.js';
import { rollupFleet } from '../src/modules/fleet-reports/rollup-fleet.js';
import { measureTenantStorage } from '../src/tenancy/usage/measure-tenant-storage.js';
import { recordStorageUsage } from '../src/tenancy/usage/storage-usage.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

/**
 * Traffic to a pool, a schema and a database tenant, through two server processes, shows up in
 * the fleet reports after a rollup: exact request and error counts, a p95, users and storage.
 */
let tb: TestInstance;
let second: TestInstance;
const TENANTS = [
  { id: 'fr-pool', isolation: 'pool', name: '=1+1 Pool Co', requests: 3 },
  { id: 'fr-schema', isolation: 'schema', name: 'Schema, Inc.', requests: 5 },
  { id: 'fr-db', isolation: 'database', name: 'Database GmbH', tier: 'enterprise', requests: 7 },
] as const;
const tokens = new Map<string, string>();

async function get(url: string, token?: string) {
  return tb.app.inject({ url, headers: { authorization: `Bearer ${token ?? (await tb.adminToken())}` } });
}

beforeAll(async () => {
  tb = await startTestInstance();
  second = await startTestInstance({ env: tb.env });
  for (const tenant of TENANTS) {
    await tb.createTenant({
      id: tenant.id,
      isolation: tenant.isolation,
      name: tenant.name,
      ...('tier' in tenant ? { tier: tenant.tier } : {}),
    });
    tokens.set(tenant.id, await tb.login(`owner@${tenant.id}.test`, 'owner-password-1', tenant.id));
  }
  const locations = TENANTS.map((t) => ({
    id: t.id as TenantId,
    isolation: t.isolation,
    placement: 'default',
  }));
  await recordStorageUsage(
    tb.services.tenancy.platformDb,
    await measureTenantStorage(tb.services.tenancy, locations),
  );
  // Start from nothing: whatever creating and signing in counted is flushed, then wiped.
  await flushTenantTraffic(tb.services.tenancy.platformDb, tb.services.metrics.traffic);
  await flushTenantTraffic(second.services.tenancy.platformDb, second.services.metrics.traffic);
  await tb.services.tenancy.adminPool.query('delete from platform.tenant_traffic_hourly');

  for (const tenant of TENANTS) {
    const token = tokens.get(tenant.id)!;
    for (let i = 0; i < tenant.requests; i++) {
      // Alternate processes: the report adds up what both recorded.
      const app = i % 2 === 0 ? tb.app : second.app;
      const ok = await app.inject({
        url: '/api/v1/deployments',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(ok.statusCode).toBe(200);
    }
    const missing = await second.app.inject({
      url: '/api/v1/deployments/00000000-0000-4000-8000-000000000000',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(missing.statusCode).toBe(404);
  }
  await flushTenantTraffic(tb.services.tenancy.platformDb, tb.services.metrics.traffic);
  await flushTenantTraffic(second.services.tenancy.platformDb, second.services.metrics.traffic);
  await rollupFleet(tb.services.tenancy);
}, 240_000);
afterAll(async () => {
  await second?.destroy();
  await tb?.destroy();
});

describe('GET /reports/tenants', () => {
  it('reports every model with exact counts, a p95, users, storage and last activity', async () => {
    const response = await get('/api/v1/reports/tenants?q=fr-&sort=-requests_24h');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.as_of).toEqual(expect.any(String));
    expect(body.data.map((row: { tenant_id: string }) => row.tenant_id)).toEqual([
      'fr-db',
      'fr-schema',
      'fr-pool',
    ]);
    const usage = await tb.services.tenancy.adminPool.query<{ tenant_id: string; storage_bytes: string }>(
      `select tenant_id, storage_bytes from platform.tenant_usage`,
    );
    for (const tenant of TENANTS) {
      const row = body.data.find((r: { tenant_id: string }) => r.tenant_id === tenant.id);
      expect(row).toMatchObject({
        name: tenant.name,
        isolation: tenant.isolation,
        status: 'active',
        tier: 'tier' in tenant ? tenant.tier : 'standard',
        requests_24h: tenant.requests + 1,
        errors_24h: 1,
        server_errors_24h: 0,
        users: 1,
        p95_ms_24h: expect.any(Number),
        last_active_at: expect.any(String),
      });
      const measured = usage.rows.find((u) => u.tenant_id === tenant.id)!;
      expect(row.storage_bytes).toBe(Number(measured.storage_bytes));
      expect(row.storage_bytes).toBeGreaterThan(0);
    }
  });

  it('filters by isolation, tier, status and q, sorts on every column, pages, and refuses bad values', async () => {
    const schema = (await get('/api/v1/reports/tenants?isolation=schema&q=fr-')).json();
    expect(schema.data.map((r: { tenant_id: string }) => r.tenant_id)).toEqual(['fr-schema']);
    const enterprise = (await get('/api/v1/reports/tenants?tier=enterprise&q=fr-')).json();
    expect(enterprise.data.map((r: { tenant_id: string }) => r.tenant_id)).toEqual(['fr-db']);
    expect((await get('/api/v1/reports/tenants?status=suspended&q=fr-')).json().data).toEqual([]);
    for (const column of REPORT_COLUMNS) {
      for (const sort of [column, `-${column}`]) {
        const page = await get(`/api/v1/reports/tenants?q=fr-&sort=${sort}`);
        expect(page.statusCode, sort).toBe(200);
        expect(page.json().data).toHaveLength(3);
      }
    }
    const byName = (await get('/api/v1/reports/tenants?q=fr-&sort=name')).json().data;
    expect(byName.map((r: { name: string }) => r.name)).toEqual([
      '=1+1 Pool Co',
      'Database GmbH',
      'Schema, Inc.',
    ]);
    const paged = (await get('/api/v1/reports/tenants?q=fr-&per_page=2&page=2&sort=tenant_id')).json();
    expect(paged.data.map((r: { tenant_id: string }) => r.tenant_id)).toEqual(['fr-schema']);
    expect(paged.pagination).toMatchObject({
      page: 2,
      per_page: 2,
      total: 3,
      total_pages: 2,
      has_prev: true,
    });
    expect((await get('/api/v1/reports/tenants?q=fr-')).json().pagination.per_page).toBe(20);
    for (const bad of ['status=bogus', 'sort=password', 'isolation=cluster', 'per_page=1000']) {
      const refused = await get(`/api/v1/reports/tenants?${bad}`);
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    }
    // A choice among fixed values is refused once, naming the values, not once per value.
    const sortDetails = (await get('/api/v1/reports/tenants?sort=password')).json().error.details;
    expect(sortDetails).toHaveLength(1);
    expect(sortDetails[0].path).toBe('querystring.sort');
    expect(sortDetails[0].message).toMatch(/^must be one of: "tenant_id", "-tenant_id", /);
    expect(sortDetails[0].message).toContain('"-server_errors_24h"');
  });

  it('is for platform administrators only', async () => {
    for (const url of ['/api/v1/reports/tenants', '/api/v1/reports/summary', '/api/v1/reports/tenants.csv']) {
      const refused = await get(url, tokens.get('fr-pool'));
      expect(refused.statusCode, url).toBe(403);
    }
  });
});

describe('GET /reports/summary, trends, traffic and the CSV', () => {
  it('sums the fleet and counts tenants by status, tier and isolation', async () => {
    const summary = (await get('/api/v1/reports/summary')).json().data;
    const all = (await get('/api/v1/reports/tenants?per_page=100')).json().data as Array<
      Record<string, number>
    >;
    const sum = (key: string) => all.reduce((total, row) => total + row[key]!, 0);
    expect(summary).toMatchObject({
      users: sum('users'),
      storage_bytes: sum('storage_bytes'),
      requests_24h: sum('requests_24h'),
      errors_24h: sum('errors_24h'),
      as_of: expect.any(String),
    });
    expect(summary.requests_24h).toBe(3 + 5 + 7 + 3);
    const count = (key: string, value: string) => all.filter((row) => String(row[key]) === value).length;
    for (const isolation of ['pool', 'schema', 'database'])
      expect(summary.tenants_by_isolation[isolation], isolation).toBe(count('isolation', isolation));
    for (const tier of ['standard', 'premium', 'enterprise'])
      expect(summary.tenants_by_tier[tier] ?? 0, tier).toBe(count('tier', tier));
    expect(summary.tenants_by_isolation.schema).toBe(1);
    expect(summary.tenants_by_status.active).toBe(all.length);
  });

  it("keeps today's row of the daily history and the persisted hourly series", async () => {
    const fleet = (await get('/api/v1/reports/trends')).json().data;
    const today = new Date().toISOString().slice(0, 10);
    expect(fleet.days.at(-1)).toMatchObject({ day: today, requests: 18, errors: 3, active_tenants: 3 });
    const one = (await get('/api/v1/reports/trends?tenant=fr-db&days=7')).json().data;
    expect(one.days).toEqual([
      expect.objectContaining({
        day: today,
        requests: 8,
        errors: 1,
        tenants: 1,
        users: 1,
        p95_ms: expect.any(Number),
      }),
    ]);
    const traffic = (await get('/api/v1/reports/traffic?tenant=fr-schema')).json().data;
    expect(traffic.hours.reduce((n: number, h: { requests: number }) => n + h.requests, 0)).toBe(6);
    expect(traffic.latency_bounds_ms).toContain(500);
  });

  it('downloads the same rows as CSV, with names that cannot run as formulas', async () => {
    const response = await get('/api/v1/reports/tenants.csv?q=fr-&sort=tenant_id');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="tenants-.*\.csv"/);
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'tenant_id,name,tier,isolation,status,users,storage_bytes,requests_24h,errors_24h,server_errors_24h,p95_ms_24h,last_active_at',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^fr-db,Database GmbH,enterprise,database,active,1,\d+,8,1,0,\d+,/);
    expect(lines[2]).toMatch(/^fr-pool,'=1\+1 Pool Co,standard,pool,/);
    expect(lines[3]).toMatch(/^fr-schema,"Schema, Inc.",standard,schema,/);
  });
});
