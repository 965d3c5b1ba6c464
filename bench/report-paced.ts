import { GOALS } from './goals.js';
import type { TargetSummary } from './list-overhead.js';
import { keptPace, type PacedTargetSummary } from './list-paced.js';
import { KEPT_PACE } from './load-protocol.js';
import { failures, int, ms, pct, range } from './report-format.js';
import type { ZipfPacedRow } from './zipf-paced.js';

/** The list scenario's paced phase as the report gets it. */
export interface PacedList {
  rate: number;
  /** Whether `--rate` chose the rate, rather than half the baseline's saturated req/s. */
  fromFlag: boolean;
  seconds: number;
  rounds: number;
  connections: number;
  targets: PacedTargetSummary[];
}

const signed = (value: number) => `${value >= 0 ? '+' : ''}${ms(value)}`;

const openLoop = (connections: number) =>
  `Open loop: request k of a run is due k / rate seconds after its start and goes out on a free one of ${connections} keep-alive connections ` +
  'whether or not earlier requests have answered; latency runs from the due time to the last byte, so waiting for a free connection counts. ' +
  `A run that delivered less than ${pct(KEPT_PACE)} of the offered rate could not keep pace and is flagged ⚠.`;

/** The paced table of the list scenario. */
export function pacedListSection(paced: PacedList): string[] {
  const why = paced.fromFlag
    ? '`--rate`'
    : "half the baseline's saturated req/s above, rounded down to a multiple of 10; `--rate N` sets it";
  const lines = [
    `#### At a fixed ${int(paced.rate)} req/s (${why})`,
    '',
    `${openLoop(paced.connections)} Each target ${paced.rounds} × ${paced.seconds} s, rounds alternating as above.`,
    '',
    '| target | offered req/s | achieved req/s | per round | p50 ms | p95 ms | p99 ms | p95 minus baseline ms | responses | failures |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const t of paced.targets) {
    const flag = keptPace(t) ? '' : ' ⚠';
    const added = t.name === 'baseline' ? '—' : signed(t.addedP95);
    lines.push(
      `| ${t.name} | ${int(t.offered)} | ${int(t.achieved)}${flag} | ${range(t.achievedPerRound, int)} | ${ms(t.latency.p50)} | ${ms(t.latency.p95)} | ${ms(t.latency.p99)} | ${added} | ${int(t.responses)} | ${failures(t.failures, t.statuses)} |`,
    );
  }
  return lines;
}

/** The list p95 goal, judged on the paced phase, with the saturated p95 and why it cannot meet it. */
export function listP95Goal(saturated: TargetSummary[], paced: PacedList): string {
  const models = paced.targets.filter((t) => t.name !== 'baseline');
  const worst = models.reduce((a, b) => (b.latency.p95 > a.latency.p95 ? b : a));
  const behind = models.filter((t) => !keptPace(t)).map((t) => t.name);
  const met = behind.length === 0 && worst.latency.p95 < GOALS.listP95Ms;
  const verdict = behind.length
    ? `not met (${behind.join(', ')} could not keep pace)`
    : met
      ? 'met'
      : 'not met';
  const closed = saturated
    .filter((t) => t.name !== 'baseline')
    .reduce((a, b) => (b.latency.p95 > a.latency.p95 ? b : a));
  return (
    `p95 under ${GOALS.listP95Ms} ms at ${paced.connections} connections, judged at ${int(paced.rate)} req/s — worst ${worst.name} ` +
    `${ms(worst.latency.p95)} ms (${signed(worst.addedP95)} ms vs the baseline): **${verdict}**. ` +
    `Saturated, the worst p95 is ${closed.name}'s ${ms(closed.latency.p95)} ms: a closed loop keeps all ${paced.connections} requests in flight, ` +
    `so its mean latency is at least ${paced.connections} / throughput (here ${paced.connections} / ${int(closed.rps)} req/s = ` +
    `${ms((paced.connections / closed.rps) * 1000)} ms) for any server, the baseline included.`
  );
}

/** The Zipf scenario's sweep of offered rates, one row and one goal verdict per rate. */
export function zipfSweepSection(rows: ZipfPacedRow[], connections: number, sampleMs: number): string[] {
  const lines = [
    '#### At fixed offered rates',
    '',
    `${openLoop(connections)} Same tenants and Zipf sampling (a new seed per rate), each rate for ${rows[0]?.seconds.toFixed(0) ?? '?'} s; ` +
      `open tenant-database connections sampled every ${sampleMs} ms.`,
    '',
    `| offered req/s | achieved req/s | p50 ms | p95 ms | p99 ms | peak open tenant-db connections | mean | cap | connections opened | failures | goal: cap held, p95 < ${GOALS.zipfP95Ms} ms |`,
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    const kept = r.achieved >= KEPT_PACE * r.offered;
    const met = kept && r.peakConnections <= r.cap && r.latency.p95 < GOALS.zipfP95Ms;
    const verdict = kept ? (met ? '**met**' : '**not met**') : '**not met** (could not keep pace)';
    lines.push(
      `| ${int(r.offered)} | ${int(r.achieved)}${kept ? '' : ' ⚠'} | ${ms(r.latency.p50)} | ${ms(r.latency.p95)} | ${ms(r.latency.p99)} | ${r.peakConnections} | ${r.meanConnections.toFixed(1)} | ${r.cap} | ${int(r.sessionsOpened)} (${pct(r.sessionsOpened / Math.max(1, r.responses))} of requests) | ${failures(r.failures, r.statuses)} | ${verdict} |`,
    );
  }
  return lines;
}
