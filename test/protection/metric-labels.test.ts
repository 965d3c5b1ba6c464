import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance();
});
afterAll(async () => {
  await tb?.destroy();
});

it('folds tenants beyond the configured number into the "other" label', async () => {
  await tb.close();
  tb = await startTestInstance({ env: { ...tb.env, METRICS_TENANT_LABELS: '2' } });
  const admin = await tb.adminToken();
  for (const id of ['label-a', 'label-b', 'label-c', 'label-d']) {
    await tb.createTenant({ id, isolation: 'pool' });
    const response = await tb.app.inject({
      url: '/api/v1/workflows',
      headers: { authorization: `Bearer ${admin}`, 'x-tenant-id': id },
    });
    expect(response.statusCode).toBe(200);
  }
  const scrape = await tb.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${admin}` } });
  expect(scrape.statusCode).toBe(200);
  const lines = scrape.body.split('\n').filter((l) => l.startsWith('tenantbase_http_requests_total{'));
  const tenants = new Set(lines.map((l) => /tenant="([^"]+)"/.exec(l)![1]));
  expect(tenants.has('label-a')).toBe(true);
  expect(tenants.has('label-b')).toBe(true);
  expect(tenants.has('label-c')).toBe(false);
  expect(tenants.has('label-d')).toBe(false);
  expect(tenants.has('other')).toBe(true);
});

it('keeps /metrics from anyone who is not an operator', async () => {
  const token = await tb.login('owner@label-a.test', 'owner-password-1', 'label-a');
  const response = await tb.app.inject({
    url: '/metrics',
    remoteAddress: '203.0.113.9',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.statusCode).toBe(403);
  expect(response.body).not.toContain('label-b');
});
