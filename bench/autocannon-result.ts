import type { Instance } from 'autocannon';
import type { LoadResult } from './load-protocol.js';
import { SampleBuffer } from './sample-buffer.js';

/** Every response's latency and status of a started autocannon run, as a LoadResult once it ends. */
export async function collectResponses(instance: Instance): Promise<LoadResult> {
  const latencies = new SampleBuffer();
  const statuses: Record<string, number> = {};
  instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
    latencies.push(time);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  return {
    responses: latencies.length,
    seconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    latencies: latencies.toArray(),
  };
}
