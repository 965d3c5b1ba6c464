import { failures, int, ms, pct } from './report-format.js';
import { zipfSweepSection } from './report-paced.js';
import type { DatabaseHalfResult } from './scale-database.js';

/** The database half of the scale bench as markdown, goal row judged (200 req/s, p95 < 50 ms). */
export function renderDatabaseHalf(
  result: DatabaseHalfResult,
  run: { command: string; startedAt: Date; loadStart: number; loadEnd: number },
): string {
  const z = result.saturated;
  const goal = result.paced.find((row) => row.offered === 200);
  const goalText = goal
    ? `offered 200 req/s, achieved ${int(goal.achieved)}, p95 ${ms(goal.latency.p95)} ms, ${goal.failures} failures: ` +
      `**${goal.achieved >= 190 && goal.latency.p95 < 50 && goal.failures === 0 ? 'met' : 'not met'}**`
    : 'no 200 req/s row in this run (--rates)';
  return [
    `## Database half: ${int(result.tenants)} database tenants over two servers, ${configuration(result)}`,
    '',
    `\`${run.command}\`, ${run.startedAt.toISOString()}, PostgreSQL ${result.postgresVersion} (embedded, two clusters), ` +
      `load ${run.loadStart.toFixed(2)} → ${run.loadEnd.toFixed(2)}.`,
    '',
    `Placement ${Object.entries(result.placements)
      .map(([name, n]) => `${name} ${int(n)}`)
      .join(
        ', ',
      )}; seeded in ${result.seedSeconds.toFixed(0)} s; settled in ${result.settleSeconds.toFixed(0)} s ` +
      `(${result.settledFully ? 'autovacuum quiet' : 'autovacuum still visiting at the cap'}). Tenant-database connection cap ${result.cap} per server. ` +
      `Most client backends at once (first server, second server): saturated ${result.peakBackends.saturated.join(', ')}; ` +
      `paced sweep ${result.peakBackends.paced.join(', ')}.`,
    '',
    '| run | req/s | p50 ms | p95 ms | p99 ms | server CPU ms/req (Node + first server) | peak open tenant-db connections | connections opened (first server) | failures |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| saturated, ${z.connections} connections | ${int(z.rps)} | ${ms(z.latency.p50)} | ${ms(z.latency.p95)} | ${ms(z.latency.p99)} | ${z.cpu.node.toFixed(2)} + ${z.cpu.postgres?.toFixed(2) ?? 'n/a'} | ${z.peakConnections} | ${int(z.sessionsOpened)} (${pct(z.sessionsOpened / Math.max(1, z.responses))}) | ${failures(z.failures, z.statuses)} |`,
    '',
    ...zipfSweepSection(result.paced, z.connections, 50),
    `Goal (issue 16: p95 < 50 ms at 200 req/s): ${goalText}.`,
    '',
  ].join('\n');
}

/** Which configuration ran, for the heading: the lead reruns each one by its flag. */
function configuration(result: DatabaseHalfResult): string {
  if (!result.pgbouncer) return 'direct, no PgBouncer (`--no-pgbouncer`)';
  if (result.tenantDatabasesDirect)
    return 'each behind PgBouncer (transaction mode) for the platform, database tenants direct (`--tenant-databases-direct`: TENANT_DATABASES_DIRECT=true)';
  return 'each behind PgBouncer (transaction mode), database tenants through it too (default)';
}
