/**
 * Side by side in one process: the INSERT of a demand upload (730,000 staged rows into a pool
 * tenant's ts_demand_daily) under the tenant policy read per row and read once per statement
 * (migration 0003), alternating, with the INSERT backend's CPU from /proc (what the machine's
 * load does not change). `npx tsx bench/demand-policy-ab.ts [--rounds 4]`. Not a goal bench: it
 * tells the policy's cost from noise on a shared machine.
 */
import { createReadStream, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createTenant } from '../src/modules/tenants/create-tenant.js';
import { quoteIdent } from '../src/db/sql-identifier.js';
import { startBenchInstance } from './bench-instance.js';
import { processCpuMs } from './cpu-meter.js';
import { untilProvisioned } from './seed-tenants.js';

const at = process.argv.indexOf('--rounds');
const ROUNDS = at >= 0 ? Number(process.argv[at + 1]) : 4;
const ITEMS = 1000;
const DAYS = 730;
const log = (line: string) => console.error(`[policy-ab] ${line}`);
const SETTING = `current_setting('tenantbase.tenant_id', true)`;
const POLICIES = { 'per row': `tenant_id = ${SETTING}`, 'per statement': `tenant_id = (select ${SETTING})` };

/** The staging table's COPY text of ITEMS × DAYS rows. */
function spool(): string {
  const file = path.join(os.tmpdir(), `demand-policy-ab-${process.pid}.copy`);
  const lines: string[] = [];
  const first = Date.UTC(2020, 0, 1);
  for (let item = 0; item < ITEMS; item++)
    for (let d = 0; d < DAYS; d++)
      lines.push(
        `item-${String(item).padStart(5, '0')}\t${new Date(first + d * 86_400_000).toISOString().slice(0, 10)}\t${(item + d) % 17}\t${item * DAYS + d + 2}\n`,
      );
  writeFileSync(file, lines.join(''));
  return file;
}

async function main() {
  const instance = await startBenchInstance({
    provisioningConcurrency: 2,
    env: {},
    extraRoutes: () => undefined,
    log,
  });
  const { tenancy } = instance.services;
  const file = spool();
  try {
    const id = 'policy-ab';
    const created = await createTenant(tenancy, {
      id,
      name: id,
      tier: 'enterprise',
      isolation: 'pool',
      admin_email: `o@${id}.bench`,
      admin_password: 'bench-password-123',
    });
    const tenant = await untilProvisioned(instance.services, created.id);
    const table = `${quoteIdent(tenancy.endpoints.names.poolSchema)}.ts_demand_daily`;
    const spent = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      const order =
        round % 2 ? (['per statement', 'per row'] as const) : (['per row', 'per statement'] as const);
      for (const form of order) {
        await tenancy.adminPool.query(
          `truncate ${table}; alter policy tenant_isolation on ${table} using (${POLICIES[form]}) with check (${POLICIES[form]}); checkpoint`,
        );
        await tenancy.withTenant(tenant, async (scope) => {
          const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(scope.db)).rows[0]!
            .pid;
          await sql`create temporary table demand_staging (item_id text not null, date date not null, units_sold numeric not null, origin bigint not null) on commit drop`.execute(
            scope.db,
          );
          await scope.copyFrom('copy pg_temp.demand_staging from stdin', createReadStream(file));
          const before = processCpuMs(pid);
          await sql`insert into ${sql.id(scope.schema, 'ts_demand_daily')} (tenant_id, item_id, date, units_sold)
                    select ${scope.tenantId}::text, item_id, date, units_sold from pg_temp.demand_staging`.execute(
            scope.db,
          );
          spent.set(form, [...(spent.get(form) ?? []), processCpuMs(pid) - before]);
        });
      }
    }
    for (const [form, list] of spent) {
      const mean = list.reduce((a, b) => a + b, 0) / list.length;
      console.log(
        `policy read ${form}: INSERT of ${ITEMS * DAYS} rows, backend CPU ${list.join(', ')} ms (mean ${mean.toFixed(0)})`,
      );
    }
    console.log(`load (1 min) at the end: ${os.loadavg()[0]!.toFixed(2)}`);
  } finally {
    rmSync(file, { force: true });
    await instance.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
