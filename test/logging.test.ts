import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loggerOptions } from '../src/http/build-app.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

const lines: Array<Record<string, unknown>> = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance({ logger: { ...loggerOptions('info'), stream } as never });
  await tb.createTenant({ id: 'logged', isolation: 'schema' });
});
afterAll(async () => {
  await tb?.destroy();
});

it('writes JSON lines with request, tenant and user ids, and never the token', async () => {
  const token = await tb.login('owner@logged.test', 'owner-password-1', 'logged');
  lines.length = 0;
  const response = await tb.app.inject({
    url: '/api/v1/deployments/not-a-real-id',
    headers: { authorization: `Bearer ${token}`, 'x-request-id': 'trace-abc-123' },
  });
  expect(response.statusCode).toBe(404);
  expect(response.headers['x-request-id']).toBe('trace-abc-123');
  const mine = lines.filter((line) => line.request_id === 'trace-abc-123');
  expect(mine.length).toBeGreaterThanOrEqual(2);
  const afterResolution = mine.filter((line) => line.tenant_id === 'logged');
  expect(afterResolution.length).toBeGreaterThan(0);
  expect(afterResolution.every((line) => typeof line.user_id === 'string')).toBe(true);
  expect(JSON.stringify(lines)).not.toContain(token);
});

it('replaces a malformed X-Request-ID instead of echoing it', async () => {
  const response = await tb.app.inject({ url: '/health', headers: { 'x-request-id': 'bad id\n<script>' } });
  expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
