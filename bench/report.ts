import type { ZipfSummary } from './database-tenants.js';
import { GOALS } from './goals.js';
import type { ListOverheadOptions, TargetSummary } from './list-overhead.js';
import type { Machine } from './machine.js';
import type { PreambleAb } from './preamble-ab.js';
import type { PostgresCpuByKind } from './postgres-cpu-by-kind.js';
import { cpuText, failures, int, ms, pct, range } from './report-format.js';
import { listP95Goal, type PacedList, pacedListSection, zipfSweepSection } from './report-paced.js';
import { writesSection } from './report-writes.js';
import type { WritesSummary } from './writes-bench.js';
import type { ZipfPacedRow } from './zipf-paced.js';

export interface BenchReport {
  command: string;
  mode: 'quick' | 'full';
  startedAt: Date;
  seconds: number;
  machine: Machine;
  postgresSource: string;
  poolMax: number;
  tenantDbPoolMax: number;
  /** Concurrent scopes one enterprise tenant may run (TENANT_CONCURRENCY). */
  enterpriseConcurrency: number;
  list?: { options: ListOverheadOptions; targets: TargetSummary[]; paced: PacedList };
  /** The read preamble prepared vs unnamed (behind a transaction pooler), on the list. */
  preamble?: PreambleAb;
  zipf?: {
    seedSeconds: number;
    summary: ZipfSummary;
    warmupSeconds: number;
    durationSeconds: number;
    sampleMs: number;
    paced: ZipfPacedRow[];
  };
  writes?: WritesSummary;
}

function listSection(list: NonNullable<BenchReport['list']>): string[] {
  const { options, targets, paced } = list;
  const lines = [
    `### 1. Tenancy overhead: \`GET /api/v1/deployments?per_page=20\`, ${int(options.deployments)} deployments per tenant`,
    '',
    `${options.connections} connections in a closed loop (each sends its next request when the last answers: saturated); each target ${options.rounds} × ${options.durationSeconds} s after a ${options.warmupSeconds} s warm-up, ` +
      'rounds alternating forward and reverse order. Percentiles are exact, over every response of every round. ' +
      'Server CPU is the Node process plus every PostgreSQL process, per response: unlike req/s it hardly moves when other work shares the machine.',
    '',
    '| target | req/s | req/s per round | vs baseline | per round | p50 ms | p95 ms | p99 ms | server CPU ms/req (Node + PG) | CPU vs baseline | responses | failures |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const t of targets) {
    const baseline = t.name === 'baseline';
    const perRound = baseline ? '—' : range(t.ratioPerRound, (v) => v.toFixed(2));
    const cpuRatio = t.cpu.ratio === undefined ? 'n/a' : t.cpu.ratio.toFixed(2);
    lines.push(
      `| ${t.name} | ${int(t.rps)} | ${range(t.rpsPerRound, int)} | ${t.ratio.toFixed(2)} | ${perRound} | ${ms(t.latency.p50)} | ${ms(t.latency.p95)} | ${ms(t.latency.p99)} | ${cpuText(t.cpu)} | ${cpuRatio} | ${int(t.responses)} | ${failures(t.failures, t.statuses)} |`,
    );
  }
  const models = targets.filter((t) => t.name !== 'baseline');
  const worst = Math.min(...models.map((t) => t.ratio));
  const cpuRatios = models.map((t) => t.cpu.ratio).filter((r): r is number => r !== undefined);
  const cpuNote =
    cpuRatios.length === models.length
      ? ` By server CPU per request the worst model costs ${pct(Math.max(...cpuRatios) - 1)} more than the baseline.`
      : '';
  lines.push(
    '',
    ...pacedListSection(paced),
    '',
    `Goal: tenancy costs at most ${pct(GOALS.maxOverhead)} of baseline throughput — worst model at ${worst.toFixed(2)} of baseline ` +
      `(${pct(1 - worst)} overhead): **${worst >= 1 - GOALS.maxOverhead ? 'met' : 'not met'}**.` +
      cpuNote +
      ` ${listP95Goal(targets, paced)}`,
  );
  return lines;
}

const signed = (fraction: number) => `${fraction >= 0 ? '+' : ''}${pct(fraction)}`;

function preambleSection(ab: PreambleAb): string[] {
  const [prepared, unnamed] = ab.sides;
  const total = (side: PreambleAb['sides'][number]) => side.cpu.node + (side.cpu.postgres ?? 0);
  const lines = [
    `#### Read preamble: prepared once per connection vs unnamed with every statement (${ab.model} list)`,
    '',
    'Behind a transaction pooler (PgBouncer 1.18, `DATABASE_DIRECT_URL` set) a named prepared statement may be missing or ' +
      "another client's on the next transaction's server connection, so the read preamble is parsed unnamed with each statement. " +
      `Same instance and tenant, both direct to PostgreSQL, ${ab.rounds} alternating rounds × ${ab.seconds} s, ${ab.connections} connections.`,
    '',
    '| preamble | req/s | req/s per round | p50 ms | p95 ms | server CPU ms/req (Node + PG) | responses | failures |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const side of ab.sides)
    lines.push(
      `| ${side.name} | ${int(side.rps)} | ${range(side.rpsPerRound, int)} | ${ms(side.latency.p50)} | ${ms(side.latency.p95)} | ${cpuText(side.cpu)} | ${int(side.responses)} | ${side.failures} |`,
    );
  if (prepared && unnamed && prepared.cpu.postgres !== undefined)
    lines.push(
      '',
      `Unnamed against prepared: server CPU per request ${signed(total(unnamed) / total(prepared) - 1)}, throughput ${signed(unnamed.rps / prepared.rps - 1)} ` +
        '(on a busy machine compare the CPU per request; req/s moves with whatever else runs).',
    );
  return lines;
}

/** PostgreSQL's CPU per response split by process kind (bench/postgres-cpu-by-kind.ts). */
function postgresByKindLines(byKind: PostgresCpuByKind | undefined, responses: number): string[] {
  if (!byKind) return [];
  const per = (cpuMs: number) => (cpuMs / Math.max(1, responses)).toFixed(2);
  const kinds = Object.entries(byKind.kinds)
    .filter(([, cpuMs]) => cpuMs > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, cpuMs]) => `${kind} ${per(cpuMs)}`);
  const born = byKind.newBackends;
  return [
    `PostgreSQL CPU ms per response by process (sampled every 100 ms): ${kinds.join(', ')}; ` +
      `came and went between samples ${per(byKind.unattributed)}; total ${per(byKind.total)}. ` +
      `${int(born.count)} processes started during the run, ${born.count ? (born.cpuAtFirstSight / born.count).toFixed(1) : '0'} ms CPU each when first seen.`,
    '',
  ];
}

function zipfSection(zipf: NonNullable<BenchReport['zipf']>): string[] {
  const z = zipf.summary;
  return [
    `### 2. ${int(z.tenants)} \`database\` tenants under Zipf traffic (s = ${z.exponent})`,
    '',
    `Created in ${zipf.seedSeconds.toFixed(0)} s. ${z.connections} connections in a closed loop (saturated), ${zipf.durationSeconds} s after a ${zipf.warmupSeconds} s warm-up; ` +
      `each request picks its tenant by Zipf rank. Open tenant-database connections sampled every ${zipf.sampleMs} ms (${int(z.samples)} samples).`,
    '',
    '| tenants | tenants hit | busiest / top 10 share | req/s | p50 ms | p95 ms | p99 ms | server CPU ms/req (Node + PG) | peak open tenant-db connections | mean | cap | peak open pools | connections opened | failures |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${int(z.tenants)} | ${int(z.tenantsHit)} | ${pct(z.top1Share)} / ${pct(z.top10Share)} | ${int(z.rps)} | ${ms(z.latency.p50)} | ${ms(z.latency.p95)} | ${ms(z.latency.p99)} | ${cpuText(z.cpu)} | ${z.peakConnections} | ${z.meanConnections.toFixed(1)} | ${z.cap} | ${z.peakPools} | ${int(z.sessionsOpened)} (${int(z.sessionsOpened / zipf.durationSeconds)}/s, ${pct(z.sessionsOpened / Math.max(1, z.responses))} of requests) | ${failures(z.failures, z.statuses)} |`,
    '',
    `Goal: under the cap with p95 < ${GOALS.zipfP95Ms} ms — saturated, peak ${z.peakConnections} of ${z.cap}, p95 ${ms(z.latency.p95)} ms: ` +
      `**${z.peakConnections <= z.cap && z.latency.p95 < GOALS.zipfP95Ms ? 'met' : 'not met'}** ` +
      `(closed-loop p95 is bounded below by ${z.connections} / throughput; the sweep below judges it below saturation).`,
    '',
    ...postgresByKindLines(z.postgresByKind, z.responses),
    ...zipfSweepSection(zipf.paced, z.connections, zipf.sampleMs),
  ];
}

/** The run as markdown: machine, command, then one table per scenario. */
export function renderReport(report: BenchReport): string {
  const m = report.machine;
  const load =
    m.loadEnd === undefined ? m.loadStart.toFixed(2) : `${m.loadStart.toFixed(2)} → ${m.loadEnd.toFixed(2)}`;
  const lines = [
    `## Tenantbase benchmark (${report.mode}), ${report.startedAt.toISOString()}`,
    '',
    `- Command: \`${report.command}\` (${report.seconds.toFixed(0)} s)`,
    `- Machine: ${m.nproc} CPUs (\`nproc\`), ${m.cpu}, ${m.memoryGb} GB, ${m.kernel}; 1-min load average ${load}`,
    `- Node ${m.node}; PostgreSQL ${m.postgres} (${report.postgresSource}); server, PostgreSQL and load generator share the machine`,
    `- Code: ${m.code}; protection (rate limits, response cache, request metrics) off${report.writes ? ' (on for the writes scenario, on an instance of its own)' : ''}, TENANT_QUERY_GUARD off`,
    `- Pools: platform/app pool ${report.poolMax} connections (pipelined), ${report.tenantDbPoolMax} per tenant database; ` +
      `enterprise tenants run at most ${report.enterpriseConcurrency} scopes at once`,
    '',
  ];
  if (report.list) lines.push(...listSection(report.list), '');
  if (report.preamble) lines.push(...preambleSection(report.preamble), '');
  if (report.zipf) lines.push(...zipfSection(report.zipf), '');
  if (report.writes) lines.push(...writesSection(report.writes), '');
  return lines.join('\n');
}
