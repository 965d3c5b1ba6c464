import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject as provided } from 'vitest';
import { quoteIdent } from '../../src/db/sql-identifier.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';
import { answered } from './support/redis-outage-checks.js';

/** Runs SQL as the server's superuser, outside the instance's own pools. */
async function asSuperuser(statement: string, values: unknown[] = []): Promise<void> {
  const url = new URL(provided('serverUrl'));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(statement, values);
  } finally {
    await client.end();
  }
}

describe('/health/ready says whether this process can serve', () => {
  let tb: TestInstance;
  let platformDatabase: string;

  beforeAll(async () => {
    tb = await startTestInstance();
    platformDatabase = decodeURIComponent(new URL(tb.env.DATABASE_URL!).pathname.slice(1));
  });
  afterAll(async () => {
    await asSuperuser(`alter database ${quoteIdent(platformDatabase)} allow_connections true`).catch(
      () => undefined,
    );
    await tb?.destroy();
  });

  it('is ready with the same answer every time while its platform database answers', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await tb.app.inject({ url: '/health/ready?verbose' })).json());
    expect(answers[0]).toEqual({
      status: 'ready',
      checks: { accepting_requests: 'ok', platform_database: 'ok' },
      dependencies: {
        redis: tb.config.redisUrl ? 'ok' : 'not_configured',
        placement_servers: { default: 'ok' },
      },
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('answers 503 when its platform database cannot be reached', async () => {
    await asSuperuser(`alter database ${quoteIdent(platformDatabase)} allow_connections false`);
    await asSuperuser(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [platformDatabase],
    );
    try {
      const ready = await answered(tb.app.inject({ url: '/health/ready' }), 'readiness');
      expect(ready.statusCode, ready.body).toBe(503);
      expect(ready.json()).toMatchObject({
        status: 'not_ready',
        checks: { platform_database: 'unavailable' },
      });
    } finally {
      await asSuperuser(`alter database ${quoteIdent(platformDatabase)} allow_connections true`);
    }
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      status = (await tb.app.inject({ url: '/health/ready' })).statusCode;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  });
});
