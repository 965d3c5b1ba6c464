import { cpuText, failures, int, ms, range } from './report-format.js';
import type { SealLag, WriteRuns, WritesSummary } from './writes-bench.js';

/** Goals of issue 12 the writes section checks its numbers against. */
export const WRITE_GOALS = {
  minCreatesPerSecond: 1000,
  minBaselineRatio: 0.7,
  pacedP95Ms: 50,
  minSpreadRatio: 0.8,
};

const verdict = (met: boolean) => `**${met ? 'met' : 'not met'}**`;
const lagText = (lag: SealLag) =>
  lag.entries === 0
    ? 'n/a'
    : `${ms(lag.p50)} / ${ms(lag.p99)} / ${ms(lag.max)}${lag.unsealed ? ` (${lag.unsealed} unsealed)` : ''}`;
const runCells = (r: WriteRuns) =>
  `${int(r.rps)} | ${range(r.rpsPerRound, int)} | ${ms(r.latency.p50)} | ${ms(r.latency.p95)} | ${ms(r.latency.p99)} | ${r.cpu ? cpuText(r.cpu) : 'n/a'} | ${failures(r.failures, r.statuses)}`;
const cpuTotal = (r: WriteRuns) => (r.cpu ? r.cpu.node + (r.cpu.postgres ?? 0) : Number.NaN);

/** The writes scenario (`--only writes`) as markdown, goals last. */
export function writesSection(w: WritesSummary): string[] {
  const o = w.options;
  const lines = [
    '### 3. Write throughput per tenant: `POST /api/v1/deployments` with and without the audit write',
    '',
    `One enterprise tenant per model (limits lifted), ${o.connections} connections in a closed loop, ${o.rounds} × ${o.durationSeconds} s per target after a ${o.warmupSeconds} s warm-up, ` +
      'rounds alternating audited and baseline first. Baseline: the same route config and hooks (protection on: rate limit, quota, storage limit, cache invalidation, metrics) inserting the same row, with the audit write switched off. ' +
      'Server CPU per create is steadier than creates/s when other work shares the machine; its ratio bounds what the audit costs once CPU is the limit. ' +
      'Sealing lag is created_at → sealed_at of the entries written in the phase (p50 / p99 / max ms).',
    '',
    '| model | route | creates/s | per round | p50 ms | p95 ms | p99 ms | server CPU ms/create (Node + PG) | failures | vs baseline (per round) | CPU vs baseline | sealing lag ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of w.saturated) {
    lines.push(
      `| ${s.isolation} | audited | ${runCells(s.audited)} | ${s.ratio.toFixed(2)} (${range(s.ratioPerRound, (v) => v.toFixed(2))}) | ${(cpuTotal(s.audited) / cpuTotal(s.baseline)).toFixed(2)} | ${lagText(s.lag)} |`,
      `| ${s.isolation} | no audit | ${runCells(s.baseline)} | — | — | — |`,
    );
  }
  lines.push(
    '',
    `Open loop at ${w.paced[0]?.rate ?? 0} creates/s offered (latency from the due time):`,
    '',
    '| model | creates/s | p50 ms | p95 ms | p99 ms | failures | sealing lag ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...w.paced.map(
      (p) =>
        `| ${p.isolation} | ${int(p.result.rps)} | ${ms(p.result.latency.p50)} | ${ms(p.result.latency.p95)} | ${ms(p.result.latency.p99)} | ${failures(p.result.failures, p.result.statuses)} | ${lagText(p.lag)} |`,
    ),
    '',
    `One tenant with all ${o.connections} connections against ${o.spreadTenants} tenants sharing them (audited route, ${o.durationSeconds} s each):`,
    '',
    '| model | one tenant creates/s | p95 ms | many tenants creates/s | p95 ms | one / many | no audit: one / many creates/s (ratio) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...w.spread.map(
      (s) =>
        `| ${s.isolation} | ${int(s.one.rps)} | ${ms(s.one.latency.p95)} | ${int(s.many.rps)} | ${ms(s.many.latency.p95)} | ${s.ratio.toFixed(2)} | ${int(s.baseline.one.rps)} / ${int(s.baseline.many.rps)} (${s.baseline.ratio.toFixed(2)}) |`,
    ),
    '',
    `Chains after the run: ${w.chains.map((c) => `${c.isolation} ${c.ok ? 'verifies' : 'BROKEN'} (${int(c.entries)} entries, ${c.pending} unsealed)`).join('; ')}.`,
    '',
  );
  const minRate = Math.min(...w.saturated.map((s) => s.audited.rps));
  const minRatio = Math.min(...w.saturated.map((s) => s.ratio));
  const maxP95 = Math.max(...w.paced.map((p) => p.result.latency.p95));
  const minSpread = Math.min(...w.spread.map((s) => s.ratio));
  const maxLag = Math.max(...[...w.saturated, ...w.paced].map((x) => x.lag.p99));
  lines.push(
    `Goals: ≥ ${int(WRITE_GOALS.minCreatesPerSecond)} creates/s per tenant in every model — slowest ${int(minRate)}: ${verdict(minRate >= WRITE_GOALS.minCreatesPerSecond)}; ` +
      `≥ ${WRITE_GOALS.minBaselineRatio}× the no-audit baseline — worst ${minRatio.toFixed(2)}: ${verdict(minRatio >= WRITE_GOALS.minBaselineRatio)}; ` +
      `p95 < ${WRITE_GOALS.pacedP95Ms} ms at ${w.paced[0]?.rate ?? 0}/s — worst ${ms(maxP95)} ms: ${verdict(maxP95 < WRITE_GOALS.pacedP95Ms)}; ` +
      `one tenant ≥ ${WRITE_GOALS.minSpreadRatio}× many — worst ${minSpread.toFixed(2)}: ${verdict(minSpread >= WRITE_GOALS.minSpreadRatio)}; ` +
      `sealing lag p99 at most ${ms(maxLag)} ms; every chain verifies: ${verdict(w.chains.every((c) => c.ok))}.`,
  );
  return lines;
}
