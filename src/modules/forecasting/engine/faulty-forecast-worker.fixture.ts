import { parentPort } from 'node:worker_threads';
import { fitMethod } from './choose-method.js';
import type { BatchRequest } from './worker-protocol.js';
import { handleBatch } from './worker-protocol.js';

/**
 * Test worker: fails on purpose for marked histories, to prove the pool survives. A history whose
 * first value is 4242.25 makes its fit throw; 4343.25 kills the whole worker thread mid-batch.
 */
parentPort?.on('message', (request: BatchRequest) => {
  const response = handleBatch(request, (y, options) => {
    if (y[0] === 4242.25) throw new Error('injected fit failure');
    if (y[0] === 4343.25) process.exit(3);
    return fitMethod(y, options.method, options.seasonLength);
  });
  parentPort?.postMessage(response, 'points' in response ? [response.points.buffer] : []);
});
