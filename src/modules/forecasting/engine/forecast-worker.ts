import { parentPort } from 'node:worker_threads';
import type { BatchRequest } from './worker-protocol.js';
import { handleBatch } from './worker-protocol.js';

/** Worker thread entry: answers each batch message with its forecasts. */
parentPort?.on('message', (request: BatchRequest) => {
  const response = handleBatch(request);
  parentPort?.postMessage(response, 'points' in response ? [response.points.buffer] : []);
});
