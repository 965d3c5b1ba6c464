/**
 * Issue 16: a tenant with 100,000 rows moves pool → database while it serves. Reads must never
 * fail; writes may be unavailable only during the freeze (goal < 2 s). Reports the copy rate.
 * `npx tsx bench/move-bench.ts [--rows N] [--to schema|database]`.
 */
import { createTenant } from '../src/modules/tenants/create-tenant.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { startBenchInstance } from './bench-instance.js';
import { describeMachine } from './machine.js';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const ROWS = Number(arg('rows', '100000'));
const TO = arg('to', 'database') as Isolation;
const ID = 'move-bench' as TenantId;
const log = (line: string) => console.error(`[move] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sample {
  start: number;
  end: number;
  status: number;
}

async function main() {
  const instance = await startBenchInstance({
    provisioningConcurrency: 2,
    env: {},
    extraRoutes: () => undefined,
    log,
  });
  const machine = describeMachine(`PostgreSQL ${instance.postgres.version} (${instance.postgres.source})`);
  try {
    const { app, services } = instance;
    const { tenancy } = services;
    await createTenant(tenancy, {
      id: ID,
      name: ID,
      tier: 'enterprise',
      isolation: 'pool',
      admin_email: 'owner@move.bench',
      admin_password: 'bench-password-123',
    });
    while ((await tenancy.registry.load(ID))?.status !== 'active') await sleep(100);
    const { client, schema } = await tenancy.ownerStorage({
      id: ID,
      isolation: 'pool',
      placement: 'default',
    });
    await client.query(`select set_config('tenantbase.tenant_id', $1, false)`, [ID]);
    await client.query(
      `insert into "${schema}".deployments (tenant_id, id, project_name, status, url, created_at, updated_at)
       select $1, gen_random_uuid(), 'bench-' || g, 'active', null, now(), now() from generate_series(1, $2::int) g`,
      [ID, ROWS],
    );
    await client.query(`analyze "${schema}".deployments`);
    await client.end();
    log(`seeded ${ROWS} deployments`);

    const login = async (payload: object) =>
      (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload })).json().data
        .access_token as string;
    const owner = await login({ email: 'owner@move.bench', password: 'bench-password-123', tenant_id: ID });
    const admin = await login({ email: instance.config.adminEmail, password: instance.config.adminPassword });
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });

    let running = true;
    const reads: Sample[] = [];
    const writes: Sample[] = [];
    const loop = async (samples: Sample[], send: () => Promise<number>) => {
      while (running) {
        const start = performance.now();
        const status = await send();
        samples.push({ start, end: performance.now(), status });
        await sleep(5);
      }
    };
    const readers = [0, 1].map(() =>
      loop(
        reads,
        async () =>
          (await app.inject({ url: '/api/v1/deployments?per_page=20', headers: auth(owner) })).statusCode,
      ),
    );
    let n = 0;
    const writer = loop(
      writes,
      async () =>
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/deployments',
            headers: auth(owner),
            payload: { project_name: `during-${n++}` },
          })
        ).statusCode,
    );
    await sleep(1000);
    const began = performance.now();
    const started = await app.inject({
      method: 'POST',
      url: `/api/v1/tenants/${ID}/move`,
      headers: auth(admin),
      payload: { isolation: TO },
    });
    if (started.statusCode !== 202) throw new Error(started.body);
    const moveId = started.json().data.id as string;
    const phases: Record<string, number> = {};
    let move: { status: string; rows_copied: number; error: string | null } | undefined;
    for (;;) {
      move = (await app.inject({ url: `/api/v1/tenants/${ID}/moves/${moveId}`, headers: auth(admin) })).json()
        .data;
      phases[move!.status] ??= performance.now();
      if (move!.status === 'done' || move!.status === 'failed') break;
      await sleep(20);
    }
    await sleep(1000);
    running = false;
    await Promise.all([...readers, writer]);

    const failedReads = reads.filter((s) => s.status !== 200).length;
    const failedWrites = writes.filter((s) => s.status !== 201);
    // Unavailable: from the start of a write that did not succeed at once to the end of the next success.
    let worst = 0;
    for (let i = 0; i < writes.length; i++) {
      const slow = writes[i]!.status !== 201 || writes[i]!.end - writes[i]!.start > 250;
      if (!slow) continue;
      const next = writes.slice(i).find((s) => s.status === 201);
      if (next) worst = Math.max(worst, next.end - writes[i]!.start);
    }
    const copySeconds = ((phases.verifying ?? phases.cutover ?? began) - (phases.copying ?? began)) / 1000;
    const result = {
      rows: ROWS,
      to: TO,
      status: move!.status,
      error: move!.error,
      rows_copied: move!.rows_copied,
      total_seconds: +((performance.now() - began) / 1000).toFixed(2),
      copy_seconds: +copySeconds.toFixed(2),
      copy_rows_per_second: Math.round(move!.rows_copied / Math.max(copySeconds, 0.001)),
      freeze_to_cutover_ms: Math.round((phases.cutover ?? 0) - (phases.verifying ?? 0)),
      reads: reads.length,
      failed_reads: failedReads,
      writes: writes.length,
      writes_not_201: failedWrites.length,
      write_statuses: [...new Set(failedWrites.map((s) => s.status))],
      longest_write_unavailable_ms: Math.round(worst),
      max_write_ms: Math.round(Math.max(...writes.map((s) => s.end - s.start))),
      machine,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await instance.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
