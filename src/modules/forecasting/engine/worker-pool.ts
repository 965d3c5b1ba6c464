import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type {
  ForecastEngine,
  ForecastEngineOptions,
  ForecastOptions,
  ItemForecast,
  SeriesInput,
} from './forecast-types.js';
import { effectiveHorizon, fallbackModel, forecastSeries } from './forecast-series.js';
import type { BatchResponse } from './worker-protocol.js';
import { encodeBatch, unpackResults } from './worker-protocol.js';

interface Call {
  aborted: boolean;
}

interface Job {
  series: SeriesInput[];
  horizon: number;
  options: ForecastOptions;
  call: Call;
  resolve(results: ItemForecast[]): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  requestId: number;
  retired: boolean;
  lastError: string | null;
}

/**
 * Worker threads fitting batches of items. A batch whose worker dies is split and retried item by
 * item on a fresh worker; an item that kills a worker twice gets the fallback method computed here.
 * Idle workers are unref'd so a forgotten close() never keeps the process alive.
 */
export function createWorkerPool(options: ForecastEngineOptions): ForecastEngine {
  const threads = Math.max(1, options.threads ?? availableParallelism() - 1);
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextRequestId = 1;
  let closed = false;

  function spawn(): Slot {
    const worker = startWorker(workerUrl);
    const slot: Slot = { worker, job: null, requestId: 0, retired: false, lastError: null };
    worker.on('message', (response: BatchResponse) => {
      const job = slot.job;
      if (!job || response.id !== slot.requestId) return;
      slot.job = null;
      worker.unref();
      if ('error' in response) failJob(job, response.error);
      else job.resolve(unpackResults(response, job.horizon));
      pump();
    });
    worker.on('error', (error) => {
      slot.lastError = error instanceof Error ? error.message : String(error);
    });
    worker.on('exit', (code) => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      const job = slot.job;
      slot.job = null;
      if (job && !slot.retired) failJob(job, slot.lastError ?? `forecast worker exited with code ${code}`);
      pump();
    });
    worker.unref();
    slots.push(slot);
    return slot;
  }

  function pump(): void {
    while (queue.length > 0 && !closed) {
      let slot = slots.find((s) => s.job === null && !s.retired);
      if (!slot) {
        if (slots.length >= threads) return;
        slot = spawn();
      }
      const job = queue.shift()!;
      const request = encodeBatch(nextRequestId++, job.series, job.options);
      slot.job = job;
      slot.requestId = request.id;
      slot.worker.ref();
      slot.worker.postMessage(request, [request.data.buffer]);
    }
  }

  function enqueue(
    series: SeriesInput[],
    forecastOptions: ForecastOptions,
    call: Call,
  ): Promise<ItemForecast[]> {
    return new Promise((resolve, reject) => {
      queue.push({
        series,
        horizon: effectiveHorizon(forecastOptions),
        options: forecastOptions,
        call,
        resolve,
        reject,
      });
      pump();
    });
  }

  /** A batch that failed as a whole: retry its items one by one; a lone item gets the fallback. */
  function failJob(job: Job, reason: string): void {
    if (job.call.aborted) return job.reject(new Error('aborted'));
    if (job.series.length > 1) {
      Promise.all(job.series.map((s) => enqueue([s], job.options, job.call))).then(
        (parts) => job.resolve(parts.flat()),
        job.reject,
      );
      return;
    }
    const item = forecastSeries(job.series[0]!, job.options, (y, o) => fallbackModel(y, o.seasonLength));
    item.fallbackReason = `worker failed: ${reason}`.slice(0, 200);
    job.resolve([item]);
  }

  function retire(slot: Slot): Promise<number> {
    slot.retired = true;
    return slot.worker.terminate();
  }

  return {
    async forecast(series, forecastOptions, signal) {
      if (closed) throw new Error('forecast engine is closed');
      signal?.throwIfAborted();
      if (series.length === 0) return [];
      const call: Call = { aborted: false };
      const size = options.batchSize ?? Math.min(256, Math.max(1, Math.ceil(series.length / (threads * 4))));
      const batches: Promise<ItemForecast[]>[] = [];
      for (let i = 0; i < series.length; i += size) {
        batches.push(enqueue(series.slice(i, i + size), forecastOptions, call));
      }
      let abortReason: unknown;
      const onAbort = (): void => {
        call.aborted = true;
        abortReason = signal?.reason;
        for (let i = queue.length - 1; i >= 0; i--) {
          if (queue[i]!.call === call) queue.splice(i, 1)[0]!.reject(abortReason);
        }
        for (const slot of [...slots]) {
          if (slot.job?.call === call) {
            slot.job.reject(abortReason);
            slot.job = null;
            void retire(slot);
          }
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const parts = await Promise.all(batches);
        return parts.flat();
      } catch (error) {
        if (call.aborted) throw abortReason ?? error;
        throw error;
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    stats() {
      return {
        workers: slots.length,
        busy: slots.filter((s) => s.job !== null).length,
        queued: queue.length,
      };
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('forecast engine closed'));
      await Promise.all(
        [...slots].map((slot) => {
          slot.job?.reject(new Error('forecast engine closed'));
          slot.job = null;
          return retire(slot);
        }),
      );
    },
  };
}

/** The worker module beside this file: `.ts` under tsx or vitest, `.js` once compiled to dist/. */
function defaultWorkerUrl(): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./forecast-worker${extension}`, import.meta.url);
}

/**
 * Starts a worker on `url`. Compiled JavaScript runs as it is; a `.ts` file (under tsx or vitest)
 * is loaded through tsx's `tsImport` from a tiny bootstrap module, because Node 20 does not apply
 * `--import tsx` loader hooks to a worker's entry module.
 */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const require = createRequire(import.meta.url);
  const api = pathToFileURL(
    join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href;
  const code = `const { tsImport } = await import(${JSON.stringify(api)});\nawait tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}
