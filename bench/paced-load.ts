/**
 * Open-loop load at a fixed offered rate, run inside the load generator process: request k is due
 * at start + k / rate whether or not earlier ones have answered, and goes out on the least recently
 * used of `connections` keep-alive connections, all opened before the clock starts.
 *
 * autocannon's `overallRate` is not used because it does not pace: each connection sends its
 * per-second quota back to back from the top of every second, then idles. At half the saturated
 * rate the first half of every second is a saturated closed loop, and so are its latencies.
 */
import http from 'node:http';
import type { LoadJob, LoadResult } from './load-protocol.js';
import { SampleBuffer } from './sample-buffer.js';
import { seededRandom, zipfSampler } from './zipf.js';

const TIMEOUT_MS = 10_000;
/** How long past the end requests that were due before it may still go out (late timers on a busy machine). */
const LATE_SEND_MS = 100;

/**
 * Runs `job` at `rate` requests per second. Latency runs from the due time, not from the send
 * (as wrk2 does): a request that had to wait for a free connection, because the server fell
 * behind, counts that wait instead of hiding it (coordinated omission).
 */
export async function runPaced(job: LoadJob, rate: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections, scheduling: 'fifo' });
  const { hostname, port } = new URL(job.baseUrl);
  const pick = job.zipf
    ? zipfSampler(job.targets.length, job.zipf.exponent, seededRandom(job.zipf.seed))
    : () => 0;
  const sent = job.targets.map(() => 0);
  const latencies = new SampleBuffer();
  const statuses: Record<string, number> = {};
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;

  const get = (rank: number, record: boolean, dueAt = performance.now()) =>
    new Promise<void>((resolve) => {
      const { path, token, body } = job.targets[rank]!;
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      let answered = false;
      const method = body === undefined ? 'GET' : 'POST';
      const options = { method, hostname, port, path, headers, agent, timeout: TIMEOUT_MS };
      const request = http.request(options, (response) => {
        response.on('error', () => undefined);
        response.resume();
        response.once('end', () => {
          answered = true;
          if (!record) return;
          latencies.push(performance.now() - dueAt);
          const status = response.statusCode ?? 0;
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status < 200 || status > 299) non2xx += 1;
        });
      });
      request.once('timeout', () => {
        if (record) timeouts += 1;
        request.destroy(new Error('timed out'));
      });
      request.on('error', () => undefined);
      request.end(body);
      // 'close' follows the response's end or a failure at any stage: the one place a request settles.
      request.once('close', () => {
        if (!answered && record) errors += 1;
        resolve();
      });
    });

  await Promise.all(Array.from({ length: job.connections }, () => get(0, false)));

  const interval = 1000 / rate;
  const total = Math.floor(rate * job.durationSeconds);
  const start = performance.now();
  const stop = start + job.durationSeconds * 1000 + LATE_SEND_MS;
  let lastSend = start;
  let issued = 0;
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((finish) => {
    // Sends every request that is due while a connection is free; one that finds none waits for
    // the next response. Requests still waiting at `stop` are dropped: the run fell behind.
    const pump = () => {
      clearTimeout(timer);
      const now = performance.now();
      const due = now >= stop ? issued : Math.min(total, Math.floor((now - start) / interval) + 1);
      while (issued < due && inFlight < job.connections) {
        const rank = pick();
        sent[rank]! += 1;
        const dueAt = start + issued * interval;
        issued += 1;
        inFlight += 1;
        lastSend = now;
        void get(rank, true, dueAt).then(() => {
          inFlight -= 1;
          pump();
        });
      }
      const more = issued < total && now < stop;
      if (more && inFlight < job.connections) timer = setTimeout(pump, start + issued * interval - now);
      else if (!more && inFlight === 0) finish();
    };
    pump();
  });
  agent.destroy();

  return {
    responses: latencies.length,
    // A run that kept pace sent its last request before the end; one that fell behind sent late.
    seconds: Math.max(job.durationSeconds, (lastSend - start) / 1000),
    offeredRate: rate,
    non2xx,
    errors,
    timeouts,
    statuses,
    latencies: latencies.toArray(),
    ...(job.zipf ? { sentByTarget: sent } : {}),
  };
}
