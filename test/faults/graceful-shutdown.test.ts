import http from 'node:http';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { quoteIdent } from '../../src/db/sql-identifier.js';
import { startServerProcess } from '../support/server-process.js';
import { ADMIN, startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
let env: Record<string, string>;
beforeAll(async () => {
  tb = await startTestInstance();
  await tb.createTenant({ id: 'drain', isolation: 'schema' });
  env = tb.env;
  await tb.close();
});
afterAll(async () => {
  await tb?.destroy();
});

async function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** A login whose headers are in (the server said 100 Continue) and whose body is still to come. */
async function startSlowLogin(url: string) {
  const body = JSON.stringify(ADMIN);
  const request = http.request(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
    },
    agent: false,
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
  });
  await new Promise<void>((resolve) => request.once('continue', resolve));
  return { finish: () => request.end(body), response };
}

it('on SIGTERM refuses new connections, finishes the in-flight request, hands back a stuck job, exits 0', async () => {
  const server = await startServerProcess({ ...env, SHUTDOWN_GRACE_SECONDS: '2', JOB_LEASE_SECONDS: '60' });
  const admin = new pg.Client({ connectionString: env.DATABASE_URL });
  await admin.connect();
  try {
    const token = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    }).then(async (r) => (await r.json()).data.access_token as string);
    // A long job: the export waits on a lock this test holds until after the process exited.
    await admin.query('begin');
    await admin.query(`lock table ${quoteIdent(`t_drain`)}.deployments in access exclusive mode`);
    const started = await fetch(`${server.url}/api/v1/tenants/drain/export`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(started.status).toBe(202);
    const exportId = (await started.json()).data.id as string;
    const jobs = new pg.Client({ connectionString: env.DATABASE_URL });
    await jobs.connect();
    // The job id, not the payload: a finished job's payload is cleared.
    const [{ id: jobId }] = (
      await jobs.query(
        `select id from platform.jobs where kind = 'tenant.export' and payload->>'export_id' = $1`,
        [exportId],
      )
    ).rows as [{ id: string }];
    const exportJob = async () =>
      (await jobs.query(`select status, attempts, locked_by from platform.jobs where id = $1`, [jobId]))
        .rows[0] as { status: string; attempts: number; locked_by: string | null } | undefined;
    try {
      for (let i = 0; i < 300 && (await exportJob())?.status !== 'running'; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await exportJob()).toMatchObject({ status: 'running', attempts: 1 });

      const slow = await startSlowLogin(server.url);
      server.signal('SIGTERM');
      let refused = false;
      for (let i = 0; i < 200 && !refused; i++) {
        refused = await refusesConnections(server.url);
        if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(refused).toBe(true);
      slow.finish();
      const answer = await slow.response;
      expect(answer.status, answer.body).toBe(200);
      expect(JSON.parse(answer.body).data.access_token).toEqual(expect.any(String));

      expect(await server.exited, server.output()).toBe(0);
      // Handed back, not left leased for 60 s: the next process resumes it at once.
      expect(await exportJob()).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });
      await admin.query('rollback');
      tb = await startTestInstance({ env });
      for (let i = 0; i < 600 && (await exportJob())?.status !== 'done'; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await exportJob()).toMatchObject({ status: 'done', attempts: 1 });
    } finally {
      await jobs.end();
    }
  } finally {
    await admin.end().catch(() => undefined);
    await server.kill();
  }
});
