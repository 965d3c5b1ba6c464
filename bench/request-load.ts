/**
 * A one-shot autocannon run in a child process, for request shapes bench/load-generator.ts has no
 * job for: POST bodies, several bearer tokens round-robin, and a unique query string per request
 * (the response cache's miss path). Run as a child of runRequestLoad(); reuses LoadResult.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { collectResponses } from './autocannon-result.js';
import type { LoadResult } from './load-protocol.js';

export interface RequestShape {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: unknown;
}

export interface RequestLoadJob {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  /** Picked round-robin across all connections (one global counter). */
  shapes: RequestShape[];
  /** Appends `created_to=<unique far-future instant>`: same rows, a new cache key every request. */
  uniqueQuery?: boolean;
  /** Adds the counter to POST bodies' `project_name`, so creates do not collide. */
  uniqueBody?: boolean;
}

async function run(job: RequestLoadJob): Promise<LoadResult> {
  let counter = 0;
  const base = Date.UTC(2999, 0, 1);
  const instance = autocannon({
    url: job.baseUrl,
    connections: job.connections,
    duration: job.durationSeconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const n = counter++;
          const shape = job.shapes[n % job.shapes.length]!;
          let path = shape.path;
          if (job.uniqueQuery) {
            const at = new Date(base + n).toISOString();
            path += `${path.includes('?') ? '&' : '?'}created_to=${encodeURIComponent(at)}`;
          }
          const headers: Record<string, string> = {};
          if (shape.token) headers.authorization = `Bearer ${shape.token}`;
          let body: string | undefined;
          if (shape.body !== undefined) {
            headers['content-type'] = 'application/json';
            const value =
              job.uniqueBody && typeof shape.body === 'object'
                ? { ...(shape.body as object), project_name: `bench-${process.pid}-${n}` }
                : shape.body;
            body = JSON.stringify(value);
          }
          return { ...request, method: shape.method, path, headers, ...(body ? { body } : {}) };
        },
      },
    ],
  });
  return collectResponses(instance);
}

/** Runs `job` in a fresh child process (this file, with the parent's tsx loader flags). */
export function runRequestLoad(job: RequestLoadJob): Promise<LoadResult> {
  const child = fork(fileURLToPath(import.meta.url), ['--child'], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { result?: LoadResult; error?: string }) => {
      child.disconnect();
      if (message.result) resolve(message.result);
      else reject(new Error(`request load: ${message.error}`));
    });
    child.once('exit', (code) => reject(new Error(`request load exited with ${code}`)));
    child.send(job);
  });
}

if (process.argv.includes('--child') && process.send) {
  process.once('message', (job: RequestLoadJob) => {
    run(job).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (error: unknown) => process.send!({ error: String(error) }, () => process.exit(1)),
    );
  });
}
