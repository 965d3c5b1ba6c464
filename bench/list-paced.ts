/**
 * The list scenario's paced phase. A closed loop of 32 connections keeps 32 requests in flight, so
 * its latency is at least 32 / throughput whatever the server does; at a fixed offered rate below
 * saturation the latency is what one request costs, and the baseline's shows what tenancy adds.
 */
import type { BenchInstance } from './bench-instance.js';
import {
  type ListOverheadOptions,
  type ListTenants,
  listTargets,
  mergeCounts,
  type TargetSummary,
} from './list-overhead.js';
import type { LoadClient } from './load-client.js';
import { KEPT_PACE, type LoadResult } from './load-protocol.js';
import { type LatencySummary, summarize } from './stats.js';

/** One target at the offered rate over every round of the paced phase. */
export interface PacedTargetSummary {
  name: TargetSummary['name'];
  offered: number;
  /** Responses per second over all rounds together, and per round. */
  achieved: number;
  achievedPerRound: number[];
  latency: LatencySummary;
  /** This target's p95 minus the baseline's: the latency tenancy adds at this rate. */
  addedP95: number;
  responses: number;
  /** Non-2xx responses plus socket errors and timeouts. */
  failures: number;
  statuses: Record<string, number>;
}

/** Half the baseline's saturated req/s, rounded down to a multiple of 10: well below saturation. */
export function defaultPacedRate(saturated: TargetSummary[]): number {
  const baseline = saturated.find((t) => t.name === 'baseline')!;
  return Math.max(10, Math.floor(baseline.rps / 2 / 10) * 10);
}

/** Whether every round of a paced target delivered at least KEPT_PACE of the offered rate. */
export const keptPace = (t: PacedTargetSummary) =>
  t.achievedPerRound.every((r) => r >= KEPT_PACE * t.offered);

/** Every target at `rate` req/s, in the saturated phase's alternating order and number of rounds. */
export async function measurePacedList(
  instance: BenchInstance,
  load: LoadClient,
  tenants: ListTenants,
  options: ListOverheadOptions,
  rate: number,
  log: (line: string) => void,
): Promise<PacedTargetSummary[]> {
  const targets = listTargets(tenants);
  const results = new Map(targets.map(({ name }) => [name, [] as LoadResult[]]));
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const { name, target } of order) {
      const result = await load.run({
        baseUrl: instance.baseUrl,
        connections: options.connections,
        durationSeconds: options.pacedSeconds,
        targets: [target],
        rate,
      });
      results.get(name)!.push(result);
      const p95 = summarize([result.latencies]).p95;
      log(
        `  paced round ${round + 1}/${options.rounds} ${name.padEnd(8)} ${(result.responses / result.seconds).toFixed(0)} of ${rate} req/s, p95 ${p95.toFixed(1)} ms`,
      );
    }
  }

  const latencyOf = (name: TargetSummary['name']) => summarize(results.get(name)!.map((r) => r.latencies));
  const baselineP95 = latencyOf('baseline').p95;
  return targets.map(({ name }) => {
    const runs = results.get(name)!;
    const latency = latencyOf(name);
    const responses = runs.reduce((n, r) => n + r.responses, 0);
    return {
      name,
      offered: rate,
      achieved: responses / runs.reduce((s, r) => s + r.seconds, 0),
      achievedPerRound: runs.map((r) => r.responses / r.seconds),
      latency,
      addedP95: latency.p95 - baselineP95,
      responses,
      failures: runs.reduce((n, r) => n + r.non2xx + r.errors, 0),
      statuses: mergeCounts(runs.map((r) => r.statuses)),
    };
  });
}
