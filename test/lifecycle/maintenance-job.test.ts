import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAINTENANCE_JOB, scheduleMaintenance } from '../../src/jobs/maintenance-job.js';
import { ADMIN, startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance();
});
afterAll(async () => {
  await tb?.destroy();
});

it('deletes expired sessions and old finished jobs, keeps the rest, and queues its next run', async () => {
  const db = tb.services.jobs.db;
  const login = () => tb.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
  const stale = (await login()).json().data.refresh_token as string;
  const fresh = (await login()).json().data.refresh_token as string;
  await sql`update platform.refresh_tokens set expires_at = now() - interval '30 days'
    where created_at = (select min(created_at) from platform.refresh_tokens)`.execute(db);
  const old = await db
    .insertInto('platform.jobs')
    .values({
      kind: 'noop.wake',
      payload: '{}',
      status: 'done',
      updated_at: new Date(Date.now() - 30 * 86400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  await db.deleteFrom('platform.jobs').where('kind', '=', MAINTENANCE_JOB).execute();
  await scheduleMaintenance(tb.services.jobs, new Date());
  tb.services.worker.poke();
  let run;
  for (let i = 0; i < 200 && !run; i++) {
    run = await db
      .selectFrom('platform.jobs')
      .selectAll()
      .where('kind', '=', MAINTENANCE_JOB)
      .where('status', '=', 'done')
      .executeTakeFirst();
    if (!run) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(run?.result).toMatchObject({ refresh_tokens_deleted: 1, jobs_deleted: 1 });
  expect(
    await db.selectFrom('platform.jobs').select('id').where('id', '=', old.id).executeTakeFirst(),
  ).toBeUndefined();
  const next = await db
    .selectFrom('platform.jobs')
    .selectAll()
    .where('kind', '=', MAINTENANCE_JOB)
    .where('status', '=', 'queued')
    .execute();
  expect(next).toHaveLength(1);
  expect(next[0]!.run_at.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);

  const refresh = (token: string) =>
    tb.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: token } });
  expect((await refresh(stale)).statusCode).toBe(401);
  expect((await refresh(fresh)).statusCode).toBe(200);
});
