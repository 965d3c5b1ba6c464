import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './support/run-cli-captured.js';
import { quoteIdent } from '../src/db/sql-identifier.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
const TENANTS = [
  { id: 'doc-pool', isolation: 'pool' },
  { id: 'doc-schema', isolation: 'schema' },
  { id: 'doc-db', isolation: 'database' },
] as const;

const cli = (...argv: string[]) => runCliCaptured(argv, tb.env);

beforeAll(async () => {
  tb = await startTestInstance();
  for (const tenant of TENANTS) await tb.createTenant(tenant);
});
afterAll(async () => {
  await tb?.destroy();
});

describe('GET /platform/doctor', () => {
  it('answers 200 with every check ok on a healthy install, for platform administrators only', async () => {
    const response = await tb.app.inject({
      url: '/api/v1/platform/doctor',
      headers: { authorization: `Bearer ${await tb.adminToken()}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json().data;
    expect(report.status).toBe('ok');
    expect(report.counts.fail).toBe(0);
    const names = report.checks.map((check: { name: string }) => check.name);
    for (const name of [
      'app-role:attributes',
      'app-role:shared-schemas',
      'pool:row-security',
      'pool:tenant-keys',
      'schema:doc-schema:policies',
      'database:doc-db:database-access',
      'storage:orphaned',
      'storage:missing',
      'storage:migrations',
    ])
      expect(names).toContain(name);

    const owner = await tb.login('owner@doc-pool.test', 'owner-password-1', 'doc-pool');
    const refused = await tb.app.inject({
      url: '/api/v1/platform/doctor',
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('still answers 200 when a check fails, with the failure, its detail and the fix', async () => {
    const role = quoteIdent(tb.services.tenancy.endpoints.names.appRole);
    await tb.services.tenancy.adminPool.query(`grant create on schema platform to ${role}`);
    try {
      const response = await tb.app.inject({
        url: '/api/v1/platform/doctor?tenant=doc-schema',
        headers: { authorization: `Bearer ${await tb.adminToken()}` },
      });
      expect(response.statusCode).toBe(200);
      const report = response.json().data;
      expect(report.status).toBe('fail');
      expect(report.checks).toContainEqual({
        name: 'app-role:shared-schemas',
        status: 'fail',
        detail: expect.stringMatching(/may create objects in schema platform\. Fix: /),
      });
      expect(report.checks.some((c: { name: string }) => c.name.startsWith('database:'))).toBe(false);

      const failed = await cli('doctor', '--json');
      expect(failed.status).toBe(1);
      expect(JSON.parse(failed.out).counts.fail).toBeGreaterThan(0);
    } finally {
      await tb.services.tenancy.adminPool.query(`revoke create on schema platform from ${role}`);
    }
    const unknown = await tb.app.inject({
      url: '/api/v1/platform/doctor?tenant=nobody-here',
      headers: { authorization: `Bearer ${await tb.adminToken()}` },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('the CLI against an installation', () => {
  it('aligns the tenant list and reports a missing tenant as JSON with --json', async () => {
    const list = await cli('tenants', 'list');
    expect(list.status).toBe(0);
    const lines = list.out.split('\n');
    expect(lines[0]).toMatch(/^ID +STATUS +TIER +ISOLATION +PLACEMENT +NAME$/);
    const column = lines[0]!.indexOf('STATUS');
    for (const line of lines.slice(1)) expect(line[column - 1], line).toBe(' ');
    expect(lines.some((line) => line.startsWith('doc-schema '))).toBe(true);
    const missing = await cli('tenants', 'suspend', 'nobody-here', '--json');
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.err.split('\n').at(-1)!).error.code).toMatch(/NOT_FOUND/);
  });
});

describe('tenantbase doctor', () => {
  it('exits 0 on a healthy install and prints an aligned summary; --tenant narrows it', async () => {
    const healthy = await cli('doctor');
    expect(healthy.status, healthy.err).toBe(0);
    expect(healthy.out).toMatch(/\d+ ok, 0 warn, 0 fail/);
    const one = await cli('doctor', '--tenant', 'doc-db', '--json');
    expect(one.status).toBe(0);
    const report = JSON.parse(one.out);
    expect(report.checks.map((c: { name: string }) => c.name)).toContain('database:doc-db:tenant-keys');
    expect(report.checks.some((c: { name: string }) => c.name.startsWith('schema:'))).toBe(false);
  });
});
