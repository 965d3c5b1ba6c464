import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

// What the product sees as the client: the address every per-address limit counts against.
const echoClientAddress = (app: FastifyInstance) =>
  app.get('/test/client-address', { config: { public: true } }, async (request) => ({ ip: request.ip }));

let first: TestInstance;
let tb: TestInstance | undefined;

/** The same databases, restarted with this TRUST_PROXY (undefined: unset). */
async function withTrustProxy(value: string | undefined): Promise<TestInstance> {
  await tb?.close();
  const env: Record<string, string> = { ...first.env };
  delete env.TRUST_PROXY;
  if (value !== undefined) env.TRUST_PROXY = value;
  tb = await startTestInstance({ env, extraRoutes: echoClientAddress });
  return tb;
}

const clientAddress = async (
  instance: TestInstance,
  headers: Record<string, string>,
  remoteAddress = '127.0.0.1',
) => (await instance.app.inject({ url: '/test/client-address', headers, remoteAddress })).json().ip as string;

beforeAll(async () => {
  first = await startTestInstance();
  await first.close();
});
afterAll(async () => {
  await tb?.close();
  await first?.destroy();
});

describe('TRUST_PROXY', () => {
  it('unset: X-Forwarded-For is ignored, the peer is the client', async () => {
    const instance = await withTrustProxy(undefined);
    expect(await clientAddress(instance, { 'x-forwarded-for': '203.0.113.7' })).toBe('127.0.0.1');
  });

  it('1: the nearest proxy speaks for the client, and nobody further', async () => {
    const instance = await withTrustProxy('1');
    expect(await clientAddress(instance, { 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7');
    // a client's own X-Forwarded-For entry, passed on by the proxy, is not believed
    expect(await clientAddress(instance, { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).toBe(
      '203.0.113.7',
    );
    expect(await clientAddress(instance, {})).toBe('127.0.0.1');
  });

  it('a CIDR list: only peers inside it may speak for the client', async () => {
    const instance = await withTrustProxy('127.0.0.0/8, 10.1.0.0/16');
    expect(await clientAddress(instance, { 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7');
    expect(await clientAddress(instance, { 'x-forwarded-for': '203.0.113.7, 10.1.2.3' })).toBe('203.0.113.7');
    expect(await clientAddress(instance, { 'x-forwarded-for': '203.0.113.7' }, '192.0.2.50')).toBe(
      '192.0.2.50',
    );
  });

  it('per-address limits count the client behind the proxy, not the proxy', async () => {
    const instance = await withTrustProxy('1');
    const file = (client: string, n: number) =>
      instance.app.inject({
        method: 'POST',
        url: '/api/v1/demo-requests',
        headers: { 'x-forwarded-for': client },
        payload: { company_name: 'Proxy Inc', email: `buyer-${client}-${n}@proxy.test` },
      });
    const statuses: number[] = [];
    for (let n = 0; n < 11; n++) statuses.push((await file('198.51.100.20', n)).statusCode);
    expect(statuses.slice(0, 10).every((status) => status === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
    // another client through the same proxy still has its own budget
    expect((await file('198.51.100.21', 0)).statusCode).toBe(201);
  });
});
