import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inJobTenant } from '../../src/jobs/in-job-tenant.js';
import { sendData } from '../../src/http/route-kit.js';
import { requestContext } from '../../src/tenancy/tenant-context.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

const PROBE = 'test.probe';
let tb: TestInstance;
const seen: Array<{
  job: string;
  contextTenant: string | null;
  scopeTenant: string;
  requestId: string | undefined;
}> = [];

beforeAll(async () => {
  tb = await startTestInstance({
    // A route that enqueues without naming a tenant: the job must inherit the request's.
    extraRoutes: (app, services) => {
      app.post('/test/enqueue', { config: { tenant: 'required' } }, async (request, reply) => {
        const id = await services.jobs.enqueue(PROBE, {
          marker: (request.body as { marker: string }).marker,
        });
        return sendData(reply, { job: id }, { status: 202 });
      });
      services.worker.register(PROBE, (job) =>
        inJobTenant(services.tenancy, job, async (scope) => {
          seen.push({
            job: job.id,
            contextTenant: requestContext.current()?.tenantId ?? null,
            scopeTenant: scope.tenantId,
            requestId: requestContext.current()?.requestId,
          });
          const now = new Date();
          await scope.db
            .insertInto('deployments')
            .values({
              tenant_id: scope.tenantId,
              id: uuidv7(),
              project_name: String(job.payload.marker),
              status: 'pending',
              url: null,
              created_at: now,
              updated_at: now,
            })
            .execute();
        }),
      );
    },
  });
  for (const isolation of ISOLATIONS) {
    await tb.createTenant({ id: `job-${isolation}-a`, isolation });
    await tb.createTenant({ id: `job-${isolation}-b`, isolation });
  }
});
afterAll(async () => {
  await tb?.destroy();
});

async function waitForJob(id: string) {
  for (let i = 0; i < 200; i++) {
    const row = await tb.services.jobs.db
      .selectFrom('platform.jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row && (row.status === 'done' || row.status === 'failed')) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

describe.each(ISOLATIONS)('a job enqueued in a %s tenant request', (isolation) => {
  it("runs with that tenant's context and storage, and no other", async () => {
    const a = `job-${isolation}-a`;
    const b = `job-${isolation}-b`;
    const token = await tb.login(`owner@${a}.test`, 'owner-password-1', a);
    const marker = `probe-${isolation}-${Date.now()}`;
    const response = await tb.app.inject({
      method: 'POST',
      url: '/test/enqueue',
      headers: { authorization: `Bearer ${token}` },
      payload: { marker },
    });
    expect(response.statusCode).toBe(202);
    const job = await waitForJob(response.json().data.job);
    expect(job).toMatchObject({ status: 'done', tenant_id: a });
    expect(seen.find((s) => s.job === String(job.id))).toMatchObject({
      contextTenant: a,
      scopeTenant: a,
      requestId: `job-${job.id}`,
    });

    const lists = await Promise.all(
      [a, b].map(async (tenant) => {
        const list = await tb.app.inject({
          url: `/api/v1/deployments?q=${marker}`,
          headers: { authorization: `Bearer ${await tb.adminToken()}`, 'x-tenant-id': tenant },
        });
        return list.json().data.map((d: { project_name: string }) => d.project_name);
      }),
    );
    expect(lists[0]).toEqual([marker]);
    expect(lists[1]).toEqual([]);
  });
});

it('runs a job enqueued outside any request with no tenant, and inJobTenant refuses it', async () => {
  const id = await requestContext.run(
    { requestId: 'outside', tenantId: null, actorId: null, actorType: 'system' },
    () => tb.services.jobs.enqueue(PROBE, { marker: 'nobody' }, { maxAttempts: 1 }),
  );
  const job = await waitForJob(id);
  expect(job.tenant_id).toBeNull();
  expect(job.status).toBe('failed');
  expect(job.last_error).toContain('carries no tenant');
});
