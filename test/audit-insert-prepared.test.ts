import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { preparesStatements, sentStatementNames } from './support/prepared-statements.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

// Answered at commit (the product's default); the chain is checked once the sealer has run.
let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { AUDIT_SEAL_WAIT_MS: '0' } });
});
afterAll(async () => {
  await tb?.destroy();
});

describe.each(ISOLATIONS)('the audit insert in %s isolation', (isolation: Isolation) => {
  const id = `aip-${isolation}`;
  let owner = '';

  beforeAll(async () => {
    await tb.createTenant({ id, isolation, tier: 'enterprise' });
    owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
  });

  it('is prepared once per connection under a name unique to its text, and its entries chain and verify', async () => {
    const statuses: number[] = [];
    const sent = await sentStatementNames(
      (text) => /^insert into "[^"]+"\."audit_log"/.test(text),
      async () => {
        // Past PostgreSQL's five custom plans, so that its generic plan serves the later ones.
        for (let i = 0; i < 8; i++) {
          const response = await tb.app.inject({
            method: 'POST',
            url: '/api/v1/deployments',
            headers: { authorization: `Bearer ${owner}` },
            payload: { project_name: `prepared-${i}` },
          });
          statuses.push(response.statusCode);
        }
      },
    );
    expect(statuses).toEqual(Array(8).fill(201));
    expect(sent).toHaveLength(8);
    if (preparesStatements(tb, isolation)) {
      expect(sent[0]).toMatch(/^tb_audit_insert_[0-9a-f]{24}$/);
      expect(new Set(sent).size).toBe(1);
    } else expect(sent).toEqual(Array(8).fill(undefined));

    let verdict: { ok: boolean; entries: number; unsealed: number } | undefined;
    for (let tries = 0; tries < 200; tries++) {
      const response = await tb.app.inject({
        url: '/api/v1/audit/verify',
        headers: { authorization: `Bearer ${owner}` },
      });
      verdict = response.json().data;
      if (verdict?.unsealed === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(verdict).toMatchObject({ ok: true, unsealed: 0 });
    expect(verdict!.entries).toBeGreaterThanOrEqual(8);
  });
});
