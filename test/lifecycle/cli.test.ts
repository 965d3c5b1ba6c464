import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli-captured.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
let dir: string;

beforeAll(async () => {
  tb = await startTestInstance();
  dir = await mkdtemp(path.join(os.tmpdir(), 'tenantbase-cli-'));
});
afterAll(async () => {
  await tb?.destroy();
  await rm(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCliCaptured(argv, tb.env);

it('creates, lists, suspends, exports, imports and deletes tenants, with --json for scripts', async () => {
  const created = await cli(
    'tenants',
    'create',
    'cli-a',
    '--name',
    'CLI A',
    '--admin-email',
    'o@cli.test',
    '--admin-password',
    'owner-password-1',
    '--isolation',
    'schema',
    '--json',
  );
  expect(created.status, created.err).toBe(0);
  expect(JSON.parse(created.out)).toMatchObject({ id: 'cli-a', status: 'active', isolation: 'schema' });

  const listed = await cli('tenants', 'list', '--json');
  expect(JSON.parse(listed.out).map((t: { id: string }) => t.id)).toEqual(
    expect.arrayContaining(['default', 'cli-a']),
  );

  expect((await cli('tenants', 'suspend', 'cli-a')).out).toContain('suspended');
  expect((await cli('tenants', 'resume', 'cli-a')).out).toContain('active');

  const file = path.join(dir, 'cli-a.jsonl.gz');
  const exported = await cli('tenants', 'export', 'cli-a', '--out', file, '--json');
  expect(exported.status, exported.err).toBe(0);
  expect(JSON.parse(exported.out)).toMatchObject({ tenant_id: 'cli-a', file });

  const imported = await cli(
    'tenants',
    'import',
    file,
    '--tenant',
    'cli-b',
    '--isolation',
    'database',
    '--json',
  );
  expect(imported.status, imported.err).toBe(0);
  expect(JSON.parse(imported.out)).toMatchObject({ tenant_id: 'cli-b', created: true });
  expect(await tb.login('o@cli.test', 'owner-password-1', 'cli-b')).toBeTruthy();

  const refused = await cli('tenants', 'delete', 'cli-b', '--confirm', 'cli-a');
  expect(refused.status).toBe(2);
  expect(refused.err).toContain('confirm');
  const deleted = await cli('tenants', 'delete', 'cli-b', '--confirm', 'cli-b', '--json');
  expect(deleted.status, deleted.err).toBe(0);
  expect(JSON.parse(deleted.out)).toMatchObject({ status: 'deleted', rows_left: 0, storage_exists: false });
});

it('reports migration status and runs tenant migrations', async () => {
  const status = await cli('migrate', '--status', '--json');
  expect(JSON.parse(status.out)).toMatchObject({ behind: [] });
  const run = await cli('migrate', '--tenants', '--json');
  expect(JSON.parse(run.out)).toMatchObject({ total: 0, failed: [] });
  expect((await cli('migrate', '--platform')).out).toContain('up to date');
});

it('adds administrators and rotates keys, and explains bad usage', async () => {
  expect(
    (await cli('admin', 'create', '--email', 'second@example.com', '--password', 'second-password-1')).status,
  ).toBe(0);
  expect(await tb.login('second@example.com', 'second-password-1')).toBeTruthy();
  const rotated = await cli('keys', 'rotate', '--grace-seconds', '0', '--json');
  expect(JSON.parse(rotated.out).kid).toMatch(/^[0-9a-f-]{36}$/);
  const unknown = await cli('tenants', 'explode');
  expect(unknown.status).toBe(2);
  expect(unknown.err).toContain('unknown command');
  const missing = await cli('tenants', 'suspend', 'no-such-tenant');
  expect(missing.status).toBe(2);
  expect(missing.err).toContain('No such tenant');
});
