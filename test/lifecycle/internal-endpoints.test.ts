import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

const TOKEN = 'internal-token-for-tests-0123456789';
let tb: TestInstance;

beforeAll(async () => {
  const first = await startTestInstance();
  await first.close();
  tb = await startTestInstance({ env: { ...first.env, INTERNAL_TOKEN: TOKEN } });
  await tb.createTenant({ id: 'intl-db', isolation: 'database' });
  await tb.createTenant({ id: 'intl-pool', isolation: 'pool' });
});
afterAll(async () => {
  await tb?.destroy();
});

it('tells where a tenant lives, behind the internal token', async () => {
  const ask = (token?: string, id = 'intl-db') =>
    tb.app.inject({
      url: `/internal/tenants/${id}/db-info`,
      headers: token ? { 'x-internal-token': token } : {},
    });
  expect((await ask()).statusCode).toBe(401);
  expect((await ask('wrong-token-wrong-token-wrong-1234')).statusCode).toBe(401);
  const database = (await ask(TOKEN)).json().data;
  expect(database).toMatchObject({
    tenant_id: 'intl-db',
    isolation: 'database',
    placement: 'default',
    database: `${tb.namespace}_tenant_intl_db`,
    schema: 'public',
  });
  expect(database.migrations.applied).toBe(database.migrations.latest);
  expect((await ask(TOKEN, 'intl-pool')).json().data).toMatchObject({ isolation: 'pool', schema: 'pool' });
  expect((await ask(TOKEN, 'no-such-tenant')).statusCode).toBe(404);
  expect((await ask(TOKEN, 'x"; drop schema public; --')).statusCode).toBe(400);
});

it('runs pending tenant migrations on request (nothing pending here)', async () => {
  const response = await tb.app.inject({
    method: 'POST',
    url: '/internal/migrate',
    headers: { 'x-internal-token': TOKEN },
    payload: {},
  });
  expect(response.statusCode).toBe(200);
  expect(response.json().data).toMatchObject({ total: 0, failed: [] });
});
