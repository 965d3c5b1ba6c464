import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_AFTER_CREATES } from '../../src/http/plugins/storage-limit.js';
import type { Job } from '../../src/jobs/job-queue.js';
import {
  enqueueStorageMeasurement,
  MEASURE_STORAGE_JOB,
  measureStorageJob,
  scheduleStorageMeasurement,
} from '../../src/modules/tenants/measure-storage-job.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { findStorageUsage } from '../../src/tenancy/usage/storage-usage.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

const ids: Record<Isolation, string> = { pool: 'use-pool', schema: 'use-schema', database: 'use-db' };

let tb: TestInstance;
let admin: string;
const owners: Record<string, string> = {};

async function call(method: string, url: string, token: string, payload?: unknown) {
  const response = await tb.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: response.statusCode, body: response.json() };
}

/** Runs the measurement job's handler in-line, as the worker would. */
function runMeasurement(tenantId: string | null) {
  const job: Job = {
    id: '0',
    kind: MEASURE_STORAGE_JOB,
    tenantId,
    payload: {},
    attempts: 1,
    maxAttempts: 1,
    leaseToken: '',
  };
  return measureStorageJob(tb.services.tenancy, tb.services.jobs)(job);
}

/** Adds `count` deployments straight through the tenant scope (a bulk write). */
async function addDeployments(id: string, count: number) {
  const tenant = (await tb.services.tenancy.registry.load(id as TenantId))!;
  await tb.services.tenancy.withTenant(tenant, (scope) =>
    scope.db
      .insertInto('deployments')
      .values(
        Array.from({ length: count }, (_, i) => ({
          tenant_id: scope.tenantId,
          id: crypto.randomUUID(),
          project_name: `bulk-${i}-${'x'.repeat(200)}`,
          status: 'pending',
          url: null,
          created_at: new Date(),
          updated_at: new Date(),
        })),
      )
      .execute(),
  );
}

beforeAll(async () => {
  tb = await startTestInstance();
  admin = await tb.adminToken();
  await Promise.all(ISOLATIONS.map((isolation) => tb.createTenant({ id: ids[isolation], isolation })));
  for (const id of Object.values(ids))
    owners[id] = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
});
afterAll(() => tb?.destroy());

it('measures every tenant with storage in one periodic run and keeps exactly one run scheduled', async () => {
  const outcome = await runMeasurement(null);
  expect(outcome).toMatchObject({ failed: [] });
  for (const id of Object.values(ids)) {
    expect((await findStorageUsage(tb.services.tenancy.platformDb, id))?.storage_bytes).toBeGreaterThan(0);
  }
  const later = new Date(Date.now() + 3_600_000);
  await Promise.all([1, 2, 3].map(() => scheduleStorageMeasurement(tb.services.jobs, later)));
  const periodic = await tb.services.tenancy.platformDb
    .selectFrom('platform.jobs')
    .select('id')
    .where('kind', '=', MEASURE_STORAGE_JOB)
    .where('tenant_id', 'is', null)
    .where('status', '=', 'queued')
    .execute();
  expect(periodic).toHaveLength(1);
});

describe.for(ISOLATIONS)('%s isolation', (isolation) => {
  const id = ids[isolation];

  it('measures growth after bulk writes and shows it in stats against the limit', async () => {
    await runMeasurement(id);
    const before = (await findStorageUsage(tb.services.tenancy.platformDb, id))!;
    await addDeployments(id, 300);
    // A measurement queued after a bulk write runs on the worker.
    await enqueueStorageMeasurement(tb.services.jobs, id);
    let after = before;
    for (let i = 0; i < 200 && after.measured_at <= before.measured_at; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = (await findStorageUsage(tb.services.tenancy.platformDb, id))!;
    }
    expect(after.storage_bytes).toBeGreaterThan(before.storage_bytes);
    const { status, body } = await call('GET', `/api/v1/tenants/${id}/stats`, owners[id]!);
    expect(status).toBe(200);
    expect(body.data.usage).toMatchObject({
      storage_bytes: { used: after.storage_bytes, limit: 10 * 1024 ** 3 },
      users: { used: 1, limit: 50 },
      api_per_minute: { limit: 1000 },
    });
  });

  it('refuses creates with LIMIT_EXCEEDED over the storage limit, reads still work', async () => {
    const token = owners[id]!;
    await call('PATCH', `/api/v1/tenants/${id}`, admin, { limit_overrides: { storage_bytes: 1 } });
    for (const [url, payload] of [
      ['/api/v1/deployments', { project_name: 'one-too-many' }],
      ['/api/v1/workflows', { name: 'one-too-many' }],
    ] as const) {
      const { status, body } = await call('POST', url, token, payload);
      expect(status).toBe(403);
      expect(body.error.code).toBe('LIMIT_EXCEEDED');
    }
    const list = await call('GET', '/api/v1/deployments?per_page=1', token);
    expect(list.status).toBe(200);
    expect(list.body.pagination.total).toBeGreaterThanOrEqual(300);
    const stats = await call('GET', `/api/v1/tenants/${id}/stats`, token);
    expect(stats.body.data.usage.storage_bytes.limit).toBe(1);

    await call('PATCH', `/api/v1/tenants/${id}`, admin, { limit_overrides: {} });
    expect((await call('POST', '/api/v1/deployments', token, { project_name: 'fits' })).status).toBe(201);
  });
});

it('queues a measurement of a tenant after every MEASURE_AFTER_CREATES creates through the API', async () => {
  const id = ids.pool;
  const jobsOf = async () =>
    (
      await tb.services.tenancy.platformDb
        .selectFrom('platform.jobs')
        .select('id')
        .where('kind', '=', MEASURE_STORAGE_JOB)
        .where('tenant_id', '=', id)
        .execute()
    ).length;
  await call('PATCH', `/api/v1/tenants/${id}`, admin, {
    limit_overrides: { creates_per_hour: { deployments: null } },
  });
  const before = await jobsOf();
  // One create already counted in the limit test above.
  for (let i = 1; i < MEASURE_AFTER_CREATES - 1; i++) {
    expect((await call('POST', '/api/v1/deployments', owners[id]!, { project_name: `c${i}` })).status).toBe(
      201,
    );
  }
  expect(await jobsOf()).toBe(before);
  await call('POST', '/api/v1/deployments', owners[id]!, { project_name: 'the-hundredth' });
  await expect.poll(jobsOf).toBe(before + 1);
});
