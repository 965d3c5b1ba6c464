import { afterAll, beforeAll, expect, it } from 'vitest';
import { MEASURE_AFTER_CREATES } from '../../src/http/plugins/storage-limit.js';
import {
  enqueueStorageMeasurement,
  MEASURE_MIN_SPACING_MS,
  MEASURE_SPACING_FACTOR,
  MEASURE_STORAGE_JOB,
} from '../../src/modules/tenants/measure-storage-job.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { findStorageUsage } from '../../src/tenancy/usage/storage-usage.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

// Pool: the model whose measurement reads every row of the tenant (the others read catalogue sizes).
const id = 'spaced-pool';
let tb: TestInstance;
let admin: string;
let owner: string;

beforeAll(async () => {
  tb = await startTestInstance();
  admin = await tb.adminToken();
  await tb.createTenant({ id, isolation: 'pool' });
  owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
  await patchTenant({ limit_overrides: { creates_per_hour: { deployments: null } } });
});
afterAll(() => tb?.destroy());

async function patchTenant(body: object) {
  const response = await tb.app.inject({
    method: 'PATCH',
    url: `/api/v1/tenants/${id}`,
    headers: { authorization: `Bearer ${admin}` },
    payload: body,
  });
  expect(response.statusCode).toBe(200);
}

const createDeployment = (name: string) =>
  tb.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: { authorization: `Bearer ${owner}` },
    payload: { project_name: name },
  });

const jobsOfTenant = () =>
  tb.services.tenancy.platformDb
    .selectFrom('platform.jobs')
    .select(['id', 'status', 'run_at', 'updated_at', 'result'])
    .where('kind', '=', MEASURE_STORAGE_JOB)
    .where('tenant_id', '=', id)
    .orderBy('id')
    .execute();

it('runs one measurement of a tenant at a time and spaces the next by its duration', async () => {
  const tenant = (await tb.services.tenancy.registry.load(id as TenantId))!;
  await tb.services.tenancy.withTenant(tenant, (scope) =>
    scope.db
      .insertInto('deployments')
      .values(
        Array.from({ length: 5000 }, (_, i) => ({
          tenant_id: scope.tenantId,
          id: crypto.randomUUID(),
          project_name: `bulk-${i}`,
          status: 'pending',
          url: null,
          created_at: new Date(),
          updated_at: new Date(),
        })),
      )
      .execute(),
  );
  await enqueueStorageMeasurement(tb.services.jobs, id);
  await expect
    .poll(async () => (await jobsOfTenant()).map((j) => j.status), { timeout: 10_000 })
    .toEqual(['done']);
  const [first] = await jobsOfTenant();
  const tookMs = (first!.result as { ms: number }).ms;
  expect(tookMs).toBeGreaterThanOrEqual(0);

  // Asked for again and again (a busy tenant, several processes): one job, not before the spacing.
  await Promise.all(Array.from({ length: 5 }, () => enqueueStorageMeasurement(tb.services.jobs, id)));
  const jobs = await jobsOfTenant();
  expect(jobs).toHaveLength(2);
  const gap = Math.max(MEASURE_MIN_SPACING_MS, tookMs * MEASURE_SPACING_FACTOR);
  expect(jobs[1]!.run_at.getTime()).toBe(first!.updated_at.getTime() + gap);
  expect(jobs[1]!.status).toBe('queued');

  // It runs once due, and then measures the rows added meanwhile.
  const before = (await findStorageUsage(tb.services.tenancy.platformDb, id))!;
  await expect.poll(async () => (await jobsOfTenant())[1]!.status, { timeout: gap + 10_000 }).toBe('done');
  const after = (await findStorageUsage(tb.services.tenancy.platformDb, id))!;
  expect(after.measured_at.getTime()).toBeGreaterThanOrEqual(jobs[1]!.run_at.getTime());
  expect(after.measured_at.getTime()).toBeGreaterThan(before.measured_at.getTime());
  expect(await jobsOfTenant()).toHaveLength(2);
});

it('still refuses creates once a tenant that writes through the API grows past its storage limit', async () => {
  const measured = (await findStorageUsage(tb.services.tenancy.platformDb, id))!.storage_bytes;
  // Room for a few dozen deployments: the limit is crossed before the next measurement is asked for.
  await patchTenant({
    limit_overrides: { creates_per_hour: { deployments: null }, storage_bytes: measured + 5000 },
  });
  const statuses: number[] = [];
  let refused: { code?: string } | undefined;
  const deadline = Date.now() + 30_000;
  while (!refused && Date.now() < deadline) {
    const response = await createDeployment(`grow-${statuses.length}`);
    statuses.push(response.statusCode);
    if (response.statusCode === 403) refused = response.json().error;
    else expect(response.statusCode).toBe(201);
    // Past the creates that ask for a measurement, wait for it (spaced) rather than spin.
    if (statuses.length >= MEASURE_AFTER_CREATES) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(refused?.code).toBe('LIMIT_EXCEEDED');
  expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(MEASURE_AFTER_CREATES);
  expect((await findStorageUsage(tb.services.tenancy.platformDb, id))!.storage_bytes).toBeGreaterThan(
    measured + 5000,
  );
  // Asked for every MEASURE_AFTER_CREATES creates, yet at most one is left waiting or running.
  expect((await jobsOfTenant()).filter((j) => j.status !== 'done').length).toBeLessThanOrEqual(1);
});
