/**
 * `npx tsx bench/seal-pass-cost.ts [--entries 60000] [--per-pass 50] [--passes 40]`
 *
 * What one sealing pass costs as a tenant's trail grows, with no other load: per model, the
 * tenant's audit_log is filled with sealed entries (by the sealer itself, in batches), autovacuum
 * kept off the table so its statistics stay what a young tenant storage has (none), then
 * `--passes` passes of `--per-pass` new entries each are timed (wall time and PostgreSQL CPU per
 * pass); then the same after ANALYZE. Uses only AuditSealer's public API, so the same file runs
 * against older code for an A/B.
 */
import { parseArgs } from 'node:util';
import { AuditSealer } from '../src/modules/audit/audit-sealer.js';
import { startBenchInstance } from './bench-instance.js';
import { startCpuMeter } from './cpu-meter.js';
import { seedTenants } from './seed-tenants.js';

const { values: args } = parseArgs({
  options: {
    entries: { type: 'string', default: '60000' },
    'per-pass': { type: 'string', default: '50' },
    passes: { type: 'string', default: '40' },
    models: { type: 'string', default: 'database,schema' },
  },
});
const entries = Number(args.entries);
const perPass = Number(args['per-pass']);
const passes = Number(args.passes);
const log = (line: string) => console.error(line);

const instance = await startBenchInstance({
  provisioningConcurrency: 2,
  env: {},
  extraRoutes: () => undefined,
  log,
});
const tenancy = instance.services.tenancy;
try {
  const models = args.models.split(',') as Array<'pool' | 'schema' | 'database'>;
  const tenants = await seedTenants(
    instance.services,
    models.map((isolation) => ({ id: `pass-${isolation}`, isolation, deployments: 0 })),
    2,
    () => undefined,
  );
  const lines = [
    `Seal pass cost, ${perPass} entries per pass, ${passes} passes, trail of ${entries.toLocaleString('en')} sealed entries:`,
    '',
    '| model | statistics | ms per pass (wall) | PostgreSQL CPU ms per pass |',
    '|---|---|---:|---:|',
  ];
  for (const tenant of tenants) {
    const record = (await tenancy.registry.load(tenant.id))!;
    const storage = await tenancy.ownerStorage(record);
    const table = `${storage.schema}.audit_log`;
    const sealer = new AuditSealer(tenancy, {
      waitMs: 0,
      minPassIntervalMs: 0,
      maxPassIntervalMs: 0,
      onError: (_id, error) => log(`seal failed: ${String(error)}`),
    });
    const fill = (n: number) =>
      storage.client.query(
        `insert into ${table} (tenant_id, id, actor_type, action, target_type, target_id, after, created_at)
         select $1, gen_random_uuid(), 'user', 'deployment.created', 'deployment', gen_random_uuid()::text,
                jsonb_build_object('project_name', 'x', 'status', 'queued'), clock_timestamp()
         from generate_series(1, $2)`,
        [record.id, n],
      );
    await storage.client.query(`alter table ${table} set (autovacuum_enabled = false)`);
    for (let done = 0; done < entries; done += 20_000) {
      await fill(Math.min(20_000, entries - done));
      await sealer.seal(record);
    }
    const measure = async (label: string) => {
      let wall = 0;
      let pg = 0;
      for (let i = 0; i < passes; i++) {
        await fill(perPass);
        const meter = startCpuMeter(instance.postmasterPid);
        const started = performance.now();
        await sealer.seal(record);
        wall += performance.now() - started;
        pg += meter().postgres ?? Number.NaN;
      }
      const line = `| ${tenant.isolation} | ${label} | ${(wall / passes).toFixed(2)} | ${(pg / passes).toFixed(2)} |`;
      log(line);
      lines.push(line);
    };
    await measure('none (never analysed)');
    await storage.client.query(`analyze ${table}`);
    await measure('after ANALYZE');
    await storage.client.end();
  }
  console.log(lines.join('\n'));
} finally {
  await instance.destroy();
}
