import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** The postmaster another process started in a cluster directory: where it listens. */
interface Postmaster {
  pid: number;
  port: number;
}

/** Reads `postmaster.pid` (line 1: pid, line 4: port); undefined when absent, malformed or its process is gone. */
async function livePostmaster(clusterDir: string): Promise<Postmaster | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but another user's, as when the cluster runs unprivileged under root.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return { pid, port };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function acceptsLogin(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The superuser URL of a cluster already running in `clusterDir` (say `npm start` beside a CLI
 * command), or undefined when none runs there. A postmaster that is alive but not yet accepting
 * connections (starting, recovering) is waited for up to `waitMs`; a pid file whose port nobody
 * listens on is stale, left for PostgreSQL itself to clear on start.
 */
export async function findRunningCluster(
  clusterDir: string,
  urlFor: (port: number) => string,
  waitMs: number,
): Promise<{ url: string; port: number } | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const postmaster = await livePostmaster(clusterDir);
    if (!postmaster) return undefined;
    const url = urlFor(postmaster.port);
    if (await acceptsLogin(url)) return { url, port: postmaster.port };
    if (!(await isListening(postmaster.port))) return undefined;
    if (Date.now() > deadline) {
      throw new Error(
        `embedded PostgreSQL in ${clusterDir} runs (pid ${postmaster.pid}, port ${postmaster.port}) but refuses connections`,
      );
    }
    await sleep(250);
  }
}
