import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

// The product's default, AUDIT_SEAL_WAIT_MS=0: a write answers at commit, and the sealer chains
// its audit entry moments later. The other suites run with a wait, to assert the chain at once.
let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { AUDIT_SEAL_WAIT_MS: '0' } });
});
afterAll(async () => {
  await tb?.destroy();
});

describe.each(ISOLATIONS)('audited writes answered at commit in %s isolation', (isolation) => {
  const id = `sealwait-${isolation}`;
  let owner: string;

  beforeAll(async () => {
    await tb.createTenant({ id, isolation, tier: 'enterprise' });
    owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
  });

  it('records every write at once and seals all of them into one chain shortly after', async () => {
    expect(tb.config.auditSealWaitMs).toBe(0);
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        tb.app.inject({
          method: 'POST',
          url: '/api/v1/deployments',
          headers: { authorization: `Bearer ${owner}` },
          payload: { project_name: `sealed-later-${i}` },
        }),
      ),
    );
    expect(writes.map((w) => w.statusCode)).toEqual(Array(20).fill(201));

    // The entries are there with the answer, whether or not sealed yet.
    const trail = await tb.app.inject({
      url: '/api/v1/audit?action=deployment.create&limit=100',
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(trail.statusCode).toBe(200);
    expect(
      trail.json().data.filter((e: { action: string }) => e.action === 'deployment.create'),
    ).toHaveLength(20);

    let verdict: { ok: boolean; entries: number; sealed_through: number; unsealed: number } | undefined;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const response = await tb.app.inject({
        url: '/api/v1/audit/verify',
        headers: { authorization: `Bearer ${owner}` },
      });
      expect(response.statusCode).toBe(200);
      verdict = response.json().data;
      if (verdict!.unsealed === 0 || Date.now() > deadline) break;
      await sleep(25);
    }
    expect(verdict).toMatchObject({ ok: true, unsealed: 0 });
    expect(verdict!.sealed_through).toBe(verdict!.entries);
  });
});
