import type { BenchInstance } from './bench-instance.js';
import { type CpuSpent, cpuPerResponse, startCpuMeter } from './cpu-meter.js';
import { LIST_PATH, type ListOverheadOptions, type ListTenants } from './list-overhead.js';
import type { LoadClient } from './load-client.js';
import type { LoadResult } from './load-protocol.js';
import { type LatencySummary, summarize } from './stats.js';

/** One way of sending the read preamble, over every round. */
export interface PreambleSide {
  name: 'prepared' | 'unnamed';
  rps: number;
  rpsPerRound: number[];
  latency: LatencySummary;
  cpu: { node: number; postgres: number | undefined };
  responses: number;
  failures: number;
}

export interface PreambleAb {
  model: 'pool' | 'schema';
  rounds: number;
  seconds: number;
  connections: number;
  sides: PreambleSide[];
}

/**
 * The read preamble prepared once per connection (direct connections) against parsed unnamed with
 * every statement (what a transaction pooler such as PgBouncer 1.18 needs), on the same instance
 * and tenant, alternating rounds so drift hits both alike: the price of running behind PgBouncer.
 */
export async function measurePreambleAb(
  instance: BenchInstance,
  load: LoadClient,
  tenants: ListTenants,
  options: ListOverheadOptions,
  log: (line: string) => void,
  model: 'pool' | 'schema' = 'pool',
): Promise<PreambleAb> {
  const tenancy = instance.services.tenancy;
  const original = tenancy.preparedPreamble;
  const target = { path: LIST_PATH, token: tenants[model].token };
  const job = (durationSeconds: number) => ({
    baseUrl: instance.baseUrl,
    connections: options.connections,
    durationSeconds,
    targets: [target],
  });
  const sides = [
    { name: 'prepared' as const, prepared: true },
    { name: 'unnamed' as const, prepared: false },
  ];
  const results = new Map(sides.map(({ name }) => [name, [] as LoadResult[]]));
  const cpu = new Map(sides.map(({ name }) => [name, [] as CpuSpent[]]));
  try {
    for (const side of sides) {
      tenancy.preparedPreamble = side.prepared;
      await load.run(job(options.warmupSeconds));
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        tenancy.preparedPreamble = side.prepared;
        const meter = startCpuMeter(instance.postmasterPid);
        const result = await load.run(job(options.durationSeconds));
        cpu.get(side.name)!.push(meter());
        results.get(side.name)!.push(result);
        log(
          `  preamble ${side.name.padEnd(8)} round ${round + 1}/${options.rounds}: ${(result.responses / result.seconds).toFixed(0)} req/s`,
        );
      }
    }
  } finally {
    tenancy.preparedPreamble = original;
  }
  return {
    model,
    rounds: options.rounds,
    seconds: options.durationSeconds,
    connections: options.connections,
    sides: sides.map(({ name }) => {
      const runs = results.get(name)!;
      const seconds = runs.reduce((s, r) => s + r.seconds, 0);
      const responses = runs.reduce((n, r) => n + r.responses, 0);
      return {
        name,
        rps: responses / seconds,
        rpsPerRound: runs.map((r) => r.responses / r.seconds),
        latency: summarize(runs.map((r) => r.latencies)),
        cpu: cpuPerResponse(cpu.get(name)!, runs),
        responses,
        failures: runs.reduce((n, r) => n + r.non2xx + r.errors, 0),
      };
    }),
  };
}
