import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebConsoleBuild, WEB_DIST } from '../src/http/web-console-build.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

let tb: TestInstance;
beforeAll(async () => {
  await ensureWebConsoleBuild(() => undefined);
  tb = await startTestInstance();
});
afterAll(async () => {
  await tb?.destroy();
});

describe('the web console at /', () => {
  it('serves the single-page app at / and at any deep link a browser opens', async () => {
    for (const url of [
      '/',
      '/deployments?status=active&q=web',
      '/console/tenants/acme',
      '/accept-invite?token=x.y',
    ]) {
      const response = await tb.app.inject({ url, headers: HTML });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('serves the hashed build files with a long cache lifetime', async () => {
    const assets = await readdir(path.join(WEB_DIST, 'assets'));
    const script = assets.find((name) => name.endsWith('.js'))!;
    const response = await tb.app.inject({ url: `/assets/${script}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('never shadows the API, the docs or the ops routes, even for a browser', async () => {
    const missingApi = await tb.app.inject({ url: '/api/v1/no-such-thing', headers: HTML });
    expect(missingApi.statusCode).toBe(404);
    expect(missingApi.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    const alias = await tb.app.inject({ url: '/api/no-such-thing', headers: HTML });
    expect(alias.json().error.code).toBe('NOT_FOUND');
    for (const url of [
      '/internal/nothing',
      '/health/nothing',
      '/.well-known/nothing',
      '/metrics/x',
      '/docs/nothing-here',
    ]) {
      const response = await tb.app.inject({ url, headers: HTML });
      expect(response.headers['content-type'], url).not.toMatch(/^text\/html/);
    }
    expect((await tb.app.inject({ url: '/health', headers: HTML })).json()).toEqual({ status: 'ok' });
    expect(
      (await tb.app.inject({ url: '/.well-known/jwks.json', headers: HTML })).json().keys.length,
    ).toBeGreaterThan(0);
    const unauthenticated = await tb.app.inject({ url: '/api/v1/deployments', headers: HTML });
    expect(unauthenticated.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers JSON 404 for paths no browser page asked for, and never serves files outside the build', async () => {
    const script = await tb.app.inject({ url: '/no-such-file.js', headers: { accept: '*/*' } });
    expect(script.statusCode).toBe(404);
    expect(script.json().error.code).toBe('NOT_FOUND');
    for (const url of [
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%2e%2e/package.json',
    ]) {
      const response = await tb.app.inject({ url, headers: { accept: '*/*' } });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('"name": "tenantbase"');
    }
    const post = await tb.app.inject({ method: 'POST', url: '/deployments', headers: HTML, payload: {} });
    expect(post.statusCode).toBe(404);
  });
});

describe('GET /api/v1/console/metrics', () => {
  it('gives platform administrators per-tenant request, error and latency totals', async () => {
    await tb.createTenant({ id: 'metered' });
    const owner = await tb.login('owner@metered.test', 'owner-password-1', 'metered');
    await tb.app.inject({ url: '/api/v1/deployments', headers: { authorization: `Bearer ${owner}` } });
    await tb.app.inject({ url: '/api/v1/deployments/nope', headers: { authorization: `Bearer ${owner}` } });
    const response = await tb.app.inject({
      url: '/api/v1/console/metrics',
      headers: { authorization: `Bearer ${await tb.adminToken()}` },
    });
    expect(response.statusCode).toBe(200);
    const metered = response.json().data.tenants.find((t: { tenant: string }) => t.tenant === 'metered');
    expect(metered.requests).toBeGreaterThanOrEqual(2);
    expect(metered.errors).toBeGreaterThanOrEqual(1);
    expect(metered.duration_count).toBeGreaterThanOrEqual(2);
    expect(metered.duration_buckets.at(-1).count).toBeLessThanOrEqual(metered.duration_count);
  });

  it('is for platform administrators only', async () => {
    const owner = await tb.login('owner@metered.test', 'owner-password-1', 'metered');
    const tenantUser = await tb.app.inject({
      url: '/api/v1/console/metrics',
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(tenantUser.statusCode).toBe(403);
    expect((await tb.app.inject({ url: '/api/v1/console/metrics' })).statusCode).toBe(401);
  });
});
