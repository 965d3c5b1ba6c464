import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

const APP = 'https://app.example.com';
const OTHER = 'https://evil.example.net';

let plain: TestInstance;
let tb: TestInstance;
let ownerToken: string;

beforeAll(async () => {
  plain = await startTestInstance();
  await plain.close();
  const env = { ...plain.env, CORS_ORIGINS: `${APP}, http://localhost:5173` };
  tb = await startTestInstance({ env });
  await tb.createTenant({ id: 'cors-co', isolation: 'pool' });
  ownerToken = await tb.login('owner@cors-co.test', 'owner-password-1', 'cors-co');
}, 120_000);
afterAll(async () => {
  await tb?.close();
  await plain?.destroy();
});

const preflight = (instance: TestInstance, origin: string, url = '/api/v1/deployments') =>
  instance.app.inject({
    method: 'OPTIONS',
    url,
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });

describe('CORS_ORIGINS', () => {
  it('answers a preflight from an allowed origin before authentication, on any route', async () => {
    for (const url of ['/api/v1/deployments', '/api/v1/auth/login', '/api/deployments/abc']) {
      const response = await preflight(tb, APP, url);
      expect(response.statusCode, url).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(APP);
      expect(response.headers['access-control-allow-methods']).toContain('PATCH');
      expect(response.headers['access-control-allow-headers']).toBe('authorization, content-type');
      expect(response.headers['access-control-max-age']).toBe('600');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      expect(response.headers.vary).toContain('Origin');
    }
    const local = await preflight(tb, 'http://localhost:5173');
    expect(local.headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });

  it('gives an origin that is not listed no CORS headers, so the browser refuses', async () => {
    const response = await preflight(tb, OTHER);
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-methods']).toBeUndefined();
    // A look-alike (another scheme or port) is another origin.
    for (const origin of ['http://app.example.com', 'https://app.example.com:8443']) {
      const lookalike = await preflight(tb, origin);
      expect(lookalike.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });

  it('marks actual responses for the allowed origin and exposes the API headers', async () => {
    const allowed = await tb.app.inject({
      url: '/api/v1/deployments',
      headers: { origin: APP, authorization: `Bearer ${ownerToken}` },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(APP);
    expect(allowed.headers['access-control-expose-headers']).toContain('X-Request-ID');
    expect(allowed.headers.vary).toContain('Origin');

    // Errors too: a browser app must be able to read the envelope of a 401.
    const unauthorised = await tb.app.inject({ url: '/api/v1/deployments', headers: { origin: APP } });
    expect(unauthorised.statusCode).toBe(401);
    expect(unauthorised.headers['access-control-allow-origin']).toBe(APP);

    const refused = await tb.app.inject({
      url: '/api/v1/deployments',
      headers: { origin: OTHER, authorization: `Bearer ${ownerToken}` },
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();

    const sameOrigin = await tb.app.inject({
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${ownerToken}` },
    });
    expect(sameOrigin.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('is off by default: no CORS headers, and OPTIONS is not a route', async () => {
    const off = await startTestInstance({ env: plain.env });
    try {
      const response = await preflight(off, APP);
      expect(response.statusCode).toBe(404);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      const health = await off.app.inject({ url: '/health', headers: { origin: APP } });
      expect(health.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await off.close();
    }
  });
});
