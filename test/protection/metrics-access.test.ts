import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

const METRICS_TOKEN = 'metrics-scrape-token-0123456789';
const INTERNAL_TOKEN = 'internal-service-token-0123456789';

let first: TestInstance;
let tb: TestInstance | undefined;

async function restart(extra: Record<string, string>): Promise<TestInstance> {
  await tb?.close();
  const env: Record<string, string> = { ...first.env };
  for (const name of ['TRUST_PROXY', 'METRICS_TOKEN', 'INTERNAL_TOKEN']) delete env[name];
  tb = await startTestInstance({ env: { ...env, ...extra } });
  return tb;
}

const scrape = (instance: TestInstance, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  instance.app.inject({ url: '/metrics', headers, remoteAddress }).then((r) => r.statusCode);

beforeAll(async () => {
  first = await startTestInstance();
  await first.close();
});
afterAll(async () => {
  await tb?.close();
  await first?.destroy();
});

describe('/metrics with no scrape token configured', () => {
  it('answers a scraper on loopback, and nobody a proxy on this machine relays', async () => {
    const instance = await restart({});
    expect(await scrape(instance)).toBe(200);
    expect(await scrape(instance, {}, '::1')).toBe(200);
    expect(await scrape(instance, {}, '203.0.113.9')).toBe(403);
    // nginx on the same machine: the peer is loopback, the client is not
    expect(await scrape(instance, { 'x-forwarded-for': '203.0.113.9' })).toBe(403);
    expect(await scrape(instance, { 'x-real-ip': '203.0.113.9' })).toBe(403);
    expect(await scrape(instance, { forwarded: 'for=203.0.113.9' })).toBe(403);
  });

  it('behind a trusted proxy, goes by the client the proxy names', async () => {
    const instance = await restart({ TRUST_PROXY: '127.0.0.1' });
    expect(await scrape(instance, { 'x-forwarded-for': '203.0.113.9' })).toBe(403);
    expect(await scrape(instance, { 'x-forwarded-for': '127.0.0.1' })).toBe(200);
    // a loopback entry claimed by an untrusted client in front of the proxy proves nothing
    expect(await scrape(instance, { 'x-forwarded-for': '127.0.0.1, 203.0.113.9' })).toBe(403);
    expect(await scrape(instance, { 'x-forwarded-for': '198.51.100.1, 127.0.0.1' })).toBe(403);
  });
});

describe('/metrics with a scrape token', () => {
  it('takes METRICS_TOKEN or INTERNAL_TOKEN as a bearer token, from anywhere, and nothing else', async () => {
    const instance = await restart({ METRICS_TOKEN, INTERNAL_TOKEN });
    const far = '203.0.113.9';
    expect(await scrape(instance, { authorization: `Bearer ${METRICS_TOKEN}` }, far)).toBe(200);
    expect(await scrape(instance, { authorization: `Bearer ${INTERNAL_TOKEN}` }, far)).toBe(200);
    expect(await scrape(instance, { 'x-internal-token': INTERNAL_TOKEN }, far)).toBe(200);
    // loopback alone is not enough once a token is configured
    expect(await scrape(instance)).toBe(403);
    expect(await scrape(instance, { authorization: `Bearer ${METRICS_TOKEN}x` })).toBe(401);
    expect(await scrape(instance, { 'x-internal-token': METRICS_TOKEN })).toBe(403);
  });

  it('still takes the token of a platform administrator, from anywhere', async () => {
    const instance = await restart({ METRICS_TOKEN });
    const admin = await instance.adminToken();
    expect(await scrape(instance, { authorization: `Bearer ${admin}` }, '203.0.113.9')).toBe(200);
  });
});
