import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/cli-io.js';
import { runCli } from '../src/cli/run-cli.js';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/db/embedded-postgres.js';

let dataDir: string;
let server: EmbeddedServer | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tenantbase-cli-'));
});
afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
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

async function verifyAll() {
  const out: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: () => undefined };
  const status = await runCli(['audit', 'verify', '--all', '--json'], { env: { DATA_DIR: dataDir }, io });
  return { status, out: out.join('\n') };
}

describe('the CLI on the embedded PostgreSQL of DATA_DIR', () => {
  it('joins the cluster a running server started, and leaves it running', async () => {
    server = await startEmbeddedPostgres(dataDir);
    expect(server.attached).toBe(false);

    const second = await startEmbeddedPostgres(dataDir);
    expect(second).toMatchObject({ attached: true, port: server.port });
    await second.stop();
    expect(await accepts(server.adminUrl)).toBe(true);

    const result = await verifyAll();
    expect(result.status).toBe(0);
    // the CLI bootstraps a fresh installation like `npm start`: the default tenant, empty trail
    expect(JSON.parse(result.out)).toMatchObject({ ok: true, tenants: [{ tenant_id: 'default', ok: true }] });
    expect(await accepts(server.adminUrl)).toBe(true);
  });

  it('starts the cluster itself when none runs, and stops it when done', async () => {
    await server!.stop();
    server = undefined;
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const result = await verifyAll();
    expect(result.status).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});
