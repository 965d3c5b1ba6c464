/**
 * Issue 17: the fleet report page for 10,000 tenants. Seeds 10,000 registry rows, their rollup
 * rows, 30 days of daily history and 24 h of hourly traffic, then times the report routes over
 * HTTP (sequential requests, so each latency is the server's alone) and one rollup run.
 * `npx tsx bench/fleet-reports-bench.ts [-- --quick]`; writes bench/results/fleet-reports.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { rollupFleet } from '../src/modules/fleet-reports/rollup-fleet.js';
import { startBenchInstance } from './bench-instance.js';
import { describeMachine } from './machine.js';

const quick = process.argv.includes('--quick');
const TENANTS = 10_000;
const REQUESTS = quick ? 60 : 300;
const log = (line: string) => console.error(`[fleet-reports] ${line}`);

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function main() {
  const instance = await startBenchInstance({
    provisioningConcurrency: 1,
    env: {},
    extraRoutes: () => undefined,
    log,
  });
  const machine = describeMachine(`PostgreSQL ${instance.postgres.version} (${instance.postgres.source})`);
  try {
    const admin = instance.services.tenancy.adminPool;
    log(`seeding ${TENANTS} tenants, their report rows, 30 days and 24 hours`);
    await admin.query(
      `insert into platform.tenants (id, name, status, tier, isolation, created_at, updated_at)
       select 'bench-' || lpad(i::text, 5, '0'), 'Bench Company ' || i,
              (array['active','active','active','active','suspended'])[1 + i % 5],
              (array['standard','premium','enterprise'])[1 + i % 3],
              (array['pool','pool','schema','database'])[1 + i % 4], now(), now()
         from generate_series(1, $1) as i`,
      [TENANTS],
    );
    await admin.query(
      `insert into platform.tenant_reports (tenant_id, users, users_counted_at, storage_bytes, requests_24h,
              errors_24h, server_errors_24h, p95_ms_24h, last_active_at, as_of)
       -- Counted after the seeded traffic: no user count is due, as the rollup line says (the seeded
       -- tenants have no storage to count in; the counts' own cost is bounded at 500 per run).
       select id, (random() * 500)::int, now() + interval '1 hour', (random() * 1e10)::bigint, (random() * 1e6)::bigint,
              (random() * 1e4)::bigint, (random() * 1e2)::bigint, (random() * 900)::int,
              now() - random() * interval '2 hours', now()
         from platform.tenants`,
    );
    await admin.query(
      `insert into platform.tenant_report_days (tenant_id, day, users, storage_bytes, requests, errors, p95_ms)
       select t.id, current_date - d, (random() * 500)::int, (random() * 1e10)::bigint,
              (random() * 1e6)::bigint, (random() * 1e4)::bigint, (random() * 900)::int
         from platform.tenants t, generate_series(0, 29) as d`,
    );
    // What the rollup keeps beside them for the fleet trends.
    await admin.query(
      `insert into platform.fleet_report_days (day, tenants, active_tenants, users, storage_bytes, requests, errors, p95_ms)
       select day, count(*), count(*) filter (where requests > 0), sum(users), sum(storage_bytes), sum(requests),
              sum(errors), max(p95_ms)
         from platform.tenant_report_days group by day`,
    );
    await admin.query(
      `insert into platform.tenant_traffic_hourly (tenant_id, hour, requests, errors, server_errors,
              last_request_at, bucket_0, bucket_1, bucket_2, bucket_3, bucket_4, bucket_5, bucket_6, bucket_7,
              bucket_8, bucket_9, bucket_10, bucket_11)
       select t.id, date_trunc('hour', now()) - make_interval(hours => h), 100, 2, 0,
              now() - make_interval(hours => h), 10, 20, 30, 20, 10, 5, 2, 1, 1, 0, 0, 1
         from platform.tenants t, generate_series(0, 23) as h`,
    );
    await admin.query('analyze');
    await instance.settle();

    const login = await instance.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: instance.config.adminEmail, password: instance.config.adminPassword },
    });
    const token = login.json().data.access_token as string;
    const sorts = ['-requests_24h', 'name', '-storage_bytes', 'p95_ms_24h', '-last_active_at', 'users'];
    const filters = ['', '&isolation=schema', '&tier=premium', '&status=suspended', '&q=Company 12'];
    const timeRoute = async (label: string, urlOf: (i: number) => string, count: number) => {
      const samples: number[] = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        const response = await fetch(`${instance.baseUrl}${urlOf(i)}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      return {
        label,
        count,
        p50: percentile(samples, 0.5),
        p95: percentile(samples, 0.95),
        max: samples.at(-1)!,
      };
    };
    const rows = [
      await timeRoute(
        'GET /reports/tenants (6 sorts × 5 filters, pages 1–20, 25 per page)',
        (i) =>
          `/api/v1/reports/tenants?per_page=25&page=${1 + (i % 20)}&sort=${sorts[i % sorts.length]}${filters[i % filters.length]}`,
        REQUESTS,
      ),
      await timeRoute(
        'GET /reports/tenants?per_page=100&sort=-errors_24h',
        () => '/api/v1/reports/tenants?per_page=100&sort=-errors_24h',
        REQUESTS / 3,
      ),
      await timeRoute('GET /reports/summary', () => '/api/v1/reports/summary', REQUESTS / 3),
      await timeRoute('GET /reports/trends (fleet, 30 days)', () => '/api/v1/reports/trends', REQUESTS / 3),
      await timeRoute('GET /reports/tenants.csv (10,000 rows)', () => '/api/v1/reports/tenants.csv', 10),
    ];
    const rollups: number[] = [];
    for (let i = 0; i < (quick ? 2 : 5); i++)
      rollups.push((await rollupFleet(instance.services.tenancy)).duration_ms);

    machine.loadEnd = os.loadavg()[0]!;
    const report = [
      `## Fleet reports: ${TENANTS.toLocaleString('en')} tenants`,
      '',
      `Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.node}, ${machine.postgres}, code ${machine.code}; ` +
        `load average ${machine.loadStart.toFixed(2)} → ${machine.loadEnd.toFixed(2)} (shared, noisy machine).`,
      'Sequential requests over HTTP on 127.0.0.1 (admin token).',
      '',
      '| route | requests | p50 ms | p95 ms | max ms |',
      '|---|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.label} | ${r.count} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`,
      ),
      '',
      `Rollup of ${TENANTS.toLocaleString('en')} tenants (240,000 hourly rows, users not due): ${rollups.join(', ')} ms.`,
    ].join('\n');
    console.log(report);
    await mkdir('bench/results', { recursive: true });
    await writeFile('bench/results/fleet-reports.md', `${report}\n`);
  } finally {
    await instance.destroy();
  }
}

await main();
