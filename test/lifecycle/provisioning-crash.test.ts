import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { PROVISION_JOB } from '../../src/modules/tenants/provision-tenant-job.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { startServerProcess } from '../support/server-process.js';
import { ADMIN, ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

const instances: TestInstance[] = [];
afterAll(async () => {
  for (const tb of instances.reverse()) await tb.close().catch(() => undefined);
  await instances[0]?.destroy();
});

describe('provisioning interrupted by a crash', () => {
  it('resumes on restart and finishes, in every isolation model', async () => {
    const first = await startTestInstance({ startWorker: false });
    instances.push(first);
    const ids = ISOLATIONS.map((isolation) => `crash-${isolation}`);
    for (const [i, isolation] of ISOLATIONS.entries()) {
      const response = await first.app.inject({
        method: 'POST',
        url: '/api/v1/tenants',
        headers: { authorization: `Bearer ${await first.adminToken()}` },
        payload: {
          id: ids[i],
          name: ids[i],
          isolation,
          admin_email: `owner@${ids[i]}.test`,
          admin_password: 'owner-password-1',
        },
      });
      expect(response.statusCode).toBe(202);
      expect(response.json().data.status).toBe('provisioning');
      // What a process killed mid-job leaves behind: the job leased to it, storage half made.
      // The lease outlasts this loop (a 1 s one ran out on a loaded machine, and the next claim
      // took back the previous tenant's job); it is ended below, as the passing time would.
      const job = await first.services.jobs.claim('worker-that-died', 30, [PROVISION_JOB]);
      expect(job?.tenantId).toBe(ids[i]);
      await first.services.tenancy.registry.setStatus(ids[i] as TenantId, {
        provisioning_step: 'create_storage',
      });
      await first.services.tenancy.provision(
        (await first.services.tenancy.registry.load(ids[i] as TenantId))!,
      );
    }
    // The dead worker's leases run out.
    const expired = await first.services.jobs.db
      .updateTable('platform.jobs')
      .set({ locked_until: sql<Date>`now() - interval '1 second'` })
      .where('locked_by', '=', 'worker-that-died')
      .executeTakeFirst();
    expect(expired.numUpdatedRows).toBe(BigInt(ids.length));
    await first.close();

    // The restarted process has the default 30 s lease: with 1 s, a heartbeat delayed by a loaded
    // machine loses the lease and the job is claimed again (a third attempt) while it still runs.
    const second = await startTestInstance({ env: first.env });
    instances.push(second);
    for (const id of ids) {
      expect(await second.waitForTenant(id)).toMatchObject({ status: 'active', provisioning_step: null });
      expect(await second.login(`owner@${id}.test`, 'owner-password-1', id)).toBeTruthy();
      const job = await second.services.jobs.db
        .selectFrom('platform.jobs')
        .selectAll()
        .where('tenant_id', '=', id)
        .where('kind', '=', PROVISION_JOB)
        .executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: 'done', attempts: 2 });
    }
  });

  it('finishes after a real server process is killed right after answering 202', async () => {
    const env = { ...instances[0]!.env, JOB_LEASE_SECONDS: '1' };
    const server = await startServerProcess(env);
    const token = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    }).then(async (r) => (await r.json()).data.access_token as string);
    const created = await fetch(`${server.url}/api/v1/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        id: 'killed-db',
        name: 'Killed',
        isolation: 'database',
        admin_email: 'o@killed.test',
        admin_password: 'owner-password-1',
      }),
    });
    expect(created.status).toBe(202);
    await server.kill();
    const restarted = await startServerProcess({ ...env, JOB_LEASE_SECONDS: '30' });
    try {
      const deadline = Date.now() + 30_000;
      let status = '';
      while (Date.now() < deadline && status !== 'active') {
        const tenant = await fetch(`${restarted.url}/api/v1/tenants/killed-db`, {
          headers: { authorization: `Bearer ${token}` },
        });
        status = (await tenant.json()).data.status;
        if (status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe('active');
    } finally {
      await restarted.stop();
    }
  });
});
