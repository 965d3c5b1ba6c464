/**
 * The load generator: a child process, so the client's CPU work does not
 * share the server's event loop. Receives LoadJobs over IPC and answers with LoadResults; jobs with
 * a `rate` run open-loop (bench/paced-load.ts), the others closed-loop through autocannon.
 */
import autocannon, { type AutocannonRequest } from 'autocannon';
import type { LoadJob, LoadRequestMessage, LoadResponseMessage, LoadResult } from './load-protocol.js';
import { runPaced } from './paced-load.js';
import { collectResponses } from './autocannon-result.js';
import { seededRandom, zipfSampler } from './zipf.js';

function zipfRequests(job: LoadJob, sent: number[]): AutocannonRequest[] {
  const { exponent, seed } = job.zipf!;
  const pick = zipfSampler(job.targets.length, exponent, seededRandom(seed));
  const headers = job.targets.map((t) => ({ authorization: `Bearer ${t.token}` }));
  return [
    {
      method: 'GET',
      setupRequest: (request) => {
        const rank = pick();
        sent[rank]! += 1;
        return { ...request, path: job.targets[rank]!.path, headers: headers[rank]! };
      },
    },
  ];
}

/** Closed loop: each connection sends its next request as soon as the previous one answers. */
async function runClosed(job: LoadJob): Promise<LoadResult> {
  const first = job.targets[0]!;
  const sent = job.zipf ? job.targets.map(() => 0) : undefined;
  const instance = autocannon({
    url: `${job.baseUrl}${first.path}`,
    connections: job.connections,
    duration: job.durationSeconds,
    timeout: 10,
    headers: { authorization: `Bearer ${first.token}` },
    ...(sent ? { requests: zipfRequests(job, sent) } : {}),
  });
  const result = await collectResponses(instance);
  return sent ? { ...result, sentByTarget: sent } : result;
}

process.on('message', (message: LoadRequestMessage) => {
  const { job } = message;
  (job.rate === undefined ? runClosed(job) : runPaced(job, job.rate)).then(
    (result) => process.send!({ id: message.id, result } satisfies LoadResponseMessage),
    (error: unknown) => process.send!({ id: message.id, error: String(error) } satisfies LoadResponseMessage),
  );
});
// The parent closes the channel when it is done (or dies): nothing is left to do.
process.on('disconnect', () => process.exit(0));
