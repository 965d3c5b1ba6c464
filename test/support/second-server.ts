import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedServer } from '../../src/db/embedded-postgres.js';

/** A throwaway embedded PostgreSQL beside the suite's own, e.g. a second entry of DATABASE_SERVERS. */
export interface SecondServer {
  server: EmbeddedServer;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * Starts an embedded cluster in a fresh temporary directory, without the exit hooks the library
 * installs: inside a test worker they would end the worker (see global-setup).
 */
export async function startSecondServer(prefix = 'tenantbase-second-'): Promise<SecondServer> {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { startEmbeddedPostgres } = await import('../../src/db/embedded-postgres.js');
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const server = await startEmbeddedPostgres(dir, { persistent: false });
  for (const listener of process.listeners('beforeExit'))
    if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit'))
    if (!exit.has(listener)) process.removeListener('exit', listener);
  return {
    server,
    async stop() {
      await server.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
