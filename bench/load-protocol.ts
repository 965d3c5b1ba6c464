/** One request shape of a load run: a path on the app and the bearer token to send with it. */
export interface LoadTarget {
  path: string;
  token: string;
  /** A JSON body: the request is then a POST of it (paced runs only). */
  body?: string;
}

/** What the parent asks the load generator process to do. */
export interface LoadJob {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  /** With `zipf`, each request picks a target by Zipf rank (index 0 busiest); otherwise targets[0]. */
  targets: LoadTarget[];
  zipf?: { exponent: number; seed: number };
  /**
   * Offered requests per second across all connections (open loop, bench/paced-load.ts). Without
   * it the run is a closed loop: each connection sends its next request as soon as one answers.
   */
  rate?: number;
}

/** What one run measured, from the client's side. */
export interface LoadResult {
  /** Responses received within the run. */
  responses: number;
  seconds: number;
  /** The job's `rate`, for paced runs: responses / seconds below it means the run fell behind. */
  offeredRate?: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  /** Every response time, in milliseconds, in arrival order. */
  latencies: Float64Array;
  /** Requests sent per target index (Zipf runs only). */
  sentByTarget?: number[];
}

export type LoadRequestMessage = { id: number; job: LoadJob };
export type LoadResponseMessage = { id: number; result: LoadResult } | { id: number; error: string };

/** A paced run that delivered less than this share of its offered rate could not keep pace. */
export const KEPT_PACE = 0.95;
