import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './support/run-cli-captured.js';
import { asStorageOwner } from './support/tenant-storage-owner.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
const tenants = ISOLATIONS.map((isolation) => ({ id: `cli-${isolation}`, isolation }));

beforeAll(async () => {
  tb = await startTestInstance();
  for (const tenant of tenants) {
    await tb.createTenant({ ...tenant, tier: 'enterprise' });
    const token = await tb.login(`owner@${tenant.id}.test`, 'owner-password-1', tenant.id);
    for (const name of ['one', 'two', 'three']) {
      const response = await tb.app.inject({
        method: 'POST',
        url: '/api/v1/deployments',
        headers: { authorization: `Bearer ${token}` },
        payload: { project_name: name },
      });
      expect(response.statusCode).toBe(201);
    }
  }
});
afterAll(async () => {
  await tb?.destroy();
});

const cli = (...argv: string[]) => runCliCaptured(argv, tb.env);

describe('tenantbase audit verify', () => {
  it('reports intact trails in every isolation model', async () => {
    const result = await cli('audit', 'verify', ...tenants.map((t) => t.id));
    expect(result.status).toBe(0);
    for (const tenant of tenants) {
      expect(result.out).toMatch(
        new RegExp(`audit trail of ${tenant.id}: intact \\(3 chained entries; head #3 [0-9a-f]{64}\\)`),
      );
    }
  });

  it('exits 1 and names the broken entry when one was edited, in JSON for scripts', async () => {
    const tampered = tenants[2]!;
    await asStorageOwner(tb, tampered, (client, table) =>
      client.query(
        `update ${table('audit_log')} set action = 'deployment.read' where tenant_id = $1 and seq = 2`,
        [tampered.id],
      ),
    );
    const result = await cli('audit', 'verify', '--all', '--json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.ok).toBe(false);
    const byTenant = Object.fromEntries(report.tenants.map((t: { tenant_id: string }) => [t.tenant_id, t]));
    expect(Object.keys(byTenant).sort()).toEqual(['default', ...tenants.map((t) => t.id)].sort());
    expect(byTenant[tenants[0]!.id]).toMatchObject({ ok: true, entries: 3 });
    expect(byTenant[tampered.id]).toMatchObject({ ok: false, broken: { kind: 'edited', seq: '2' } });

    const human = await cli('audit', 'verify', tampered.id);
    expect(human.status).toBe(1);
    expect(human.out).toContain(
      `audit trail of ${tampered.id}: TAMPERED (edited): entry #2 does not match its hash`,
    );
  });

  it('exits 2 on an unknown tenant or command', async () => {
    const unknown = await cli('audit', 'verify', 'no-such-tenant');
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('no tenant "no-such-tenant"');
    expect((await cli('audit', 'verify')).status).toBe(2);
    expect((await cli('tenant', 'frobnicate')).status).toBe(2);
    expect((await cli('--bogus')).status).toBe(2);
    const help = await cli('--help');
    expect(help.status).toBe(0);
    expect(help.out).toContain('audit verify <tenant-id>');
  });

  it('runs as the installed bin, with the server configuration from the environment', async () => {
    const bin = fileURLToPath(new URL('../bin/tenantbase.mjs', import.meta.url));
    const run = async (...argv: string[]) => {
      const child = spawn(process.execPath, [bin, ...argv], { env: { ...process.env, ...tb.env } });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      return { status, stdout };
    };
    const intact = await run('audit', 'verify', tenants[0]!.id, '--json');
    expect(intact.status).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({
      ok: true,
      tenants: [{ tenant_id: tenants[0]!.id, entries: 3 }],
    });
    // The exit status must survive the process's exit hooks.
    expect((await run('audit', 'verify', tenants[2]!.id)).status).toBe(1);
  });
});
