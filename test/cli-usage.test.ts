import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './support/run-cli-captured.js';

/** What the CLI refuses before it starts anything: no database is needed for these answers. */
const cli = (...argv: string[]) =>
  runCliCaptured(argv, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });

describe('tenantbase option checks', () => {
  it('refuses a value outside an enum option, naming the allowed ones', async () => {
    const bogus = await cli('tenants', 'list', '--status', 'bogus');
    expect(bogus.status).toBe(2);
    expect(bogus.err).toContain(
      '--status must be one of provisioning, active, suspended, failed, deleting, deleted',
    );
    const tier = await cli(
      'tenants',
      'create',
      'x',
      '--name',
      'X',
      '--admin-email',
      'a@b.c',
      '--tier',
      'gold',
    );
    expect(tier.status).toBe(2);
    expect(tier.err).toContain('--tier must be one of standard, premium, enterprise');
    const isolation = await cli('tenants', 'import', 'a.tar.gz', '--tenant', 'x', '--isolation', 'cluster');
    expect(isolation.status).toBe(2);
    expect(isolation.err).toContain('--isolation must be one of pool, schema, database');
  });

  it('prints errors as JSON with --json', async () => {
    const bogus = await cli('tenants', 'list', '--status', 'bogus', '--json');
    expect(bogus.status).toBe(2);
    expect(JSON.parse(bogus.err)).toEqual({
      error: { code: 'USAGE', message: expect.stringContaining('--status must be one of') },
    });
    const unknown = await cli('tenants', 'frobnicate', '--json');
    expect(JSON.parse(unknown.err).error.message).toContain('unknown command "tenants frobnicate"');
  });

  it('prints the usage of a bare command group', async () => {
    const group = await cli('tenants');
    expect(group.status).toBe(2);
    expect(group.err).toMatch(
      /^usage: tenantbase tenants <list\|create\|suspend\|resume\|delete\|export\|import\|move\|rotate-credentials\|repair-role> \[options\]/,
    );
    expect(group.err).toContain('tenants list [--status <status>]');
    expect(group.err).not.toContain('unknown command');
  });
});
