import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE_REUSE_MS } from '../src/http/plugins/storage-limit.js';
import { recordAudit } from '../src/modules/audit/record-audit.js';
import { createDeployment } from '../src/modules/deployments/create-deployment.js';
import { requestContext } from '../src/tenancy/tenant-context.js';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import { recordStorageUsage } from '../src/tenancy/usage/storage-usage.js';
import type { Isolation, TenantScope } from '../src/tenancy/tenant-scope.js';
import { recordRoundTrips, transactions } from './support/round-trips.js';
import { asStorageOwner } from './support/tenant-storage-owner.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

// Answered at commit (the product's default), so a create's own round trips are all it waits for.
let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { AUDIT_SEAL_WAIT_MS: '0' } });
});
afterAll(async () => {
  await tb?.destroy();
});

const load = async (id: string) => (await tb.services.tenancy.registry.load(id as TenantId))!;

function insertDeployment(scope: TenantScope, id: string, name: string) {
  const now = new Date();
  return scope.db
    .insertInto('deployments')
    .values({
      tenant_id: scope.tenantId,
      id,
      project_name: name,
      status: 'pending',
      url: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

async function stored(tenant: { id: string; isolation: Isolation }, name: string) {
  return asStorageOwner(tb, tenant, async (client, table) => {
    const deployments = await client.query(`select id from ${table('deployments')} where project_name = $1`, [
      name,
    ]);
    const audit = await client.query(
      `select id from ${table('audit_log')} where action = 'deployment.create' and after->>'project_name' = $1`,
      [name],
    );
    return { deployments: deployments.rowCount, audit: audit.rowCount };
  });
}

describe.each(ISOLATIONS)('an audited create in %s isolation', (isolation: Isolation) => {
  const id = `trips-${isolation}`;
  let owner: string;

  beforeAll(async () => {
    await tb.createTenant({ id, isolation, tier: 'enterprise' });
    owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
  });

  const create = (name: string) =>
    tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${owner}` },
      payload: { project_name: name },
    });

  it('commits the write and its audit entry in one round trip, both riding with the COMMIT', async () => {
    expect((await create('warm-up')).statusCode).toBe(201);
    await sleep(400); // the warm-up's sealing pass, so that it is not recorded below
    let status = 0;
    // Only what the request sent: background timers (the freeze poll, jobs) run outside its context.
    const flights = await recordRoundTrips(
      async () => {
        status = (await create('counted')).statusCode;
      },
      () => requestContext.current() !== undefined,
    );
    expect(status).toBe(201);
    const all = transactions(flights);
    const write = all.find((t) =>
      t.some((f) => f.statements.some((s) => /insert into .*"deployments"/.test(s))),
    );
    expect(write).toBeDefined();
    // Everything else the request sent: none of it reached the tenant's storage outside the
    // write (the sealer's pass, which the answer does not wait for, is its own transaction).
    const sealer = all.filter((t) =>
      t.some((f) => f.statements.some((s) => s.includes('pg_try_advisory_xact_lock'))),
    );
    const others = all.filter((t) => t !== write && !sealer.includes(t)).flat();
    console.info(
      `${isolation}: the write ${write!.length} round trips (${write!.flatMap((f) => f.statements).length} statements: ${write!.map((f) => f.statements.length).join(' + ')}); ` +
        `other round trips during the request: ${others.length} ${JSON.stringify(others.map((f) => f.statements))}; sealer passes: ${sealer.length}`,
    );
    const trips = write!.map((f) => f.statements.map((s) => s.split(' ').slice(0, 3).join(' ')));
    expect(trips).toEqual([
      [
        'begin',
        expect.stringMatching(/^select set_config/),
        expect.stringMatching(/^insert into "/),
        expect.stringMatching(/^insert into "/),
        'commit',
      ],
    ]);
    expect(write![0]!.statements[2]).toMatch(/"deployments"/);
    expect(write![0]!.statements[3]).toMatch(/"audit_log"/);
    expect(others).toEqual([]);
    expect(await stored(await load(id), 'counted')).toEqual({ deployments: 1, audit: 1 });
  });

  it('rolls the write back when its audit entry fails, and keeps the connection usable', async () => {
    const tenant = await load(id);
    const name = `audit-fails-${isolation}`;
    // jsonb refuses \u0000: the audit INSERT, sent with the COMMIT, fails after the write succeeded.
    const outcome = await tb.services.tenancy
      .withTenant(tenant, async (scope) => {
        await insertDeployment(scope, uuidv7(), name);
        await recordAudit(scope, {
          action: 'deployment.create',
          targetType: 'deployment',
          targetId: null,
          after: { project_name: name, bad: '\u0000' },
        });
      })
      .then(
        () => 'committed',
        (error: { code?: string }) => error.code,
      );
    expect(outcome).toBe('22P05');
    expect(await stored(tenant, name)).toEqual({ deployments: 0, audit: 0 });
    // The failed statement ended the transaction, not the connection: the next writes commit.
    const after = await Promise.all(Array.from({ length: 6 }, (_, i) => create(`after-${isolation}-${i}`)));
    expect(after.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
  });

  it('writes no audit entry when the write fails after recording it', async () => {
    const tenant = await load(id);
    const name = `write-fails-${isolation}`;
    const taken = uuidv7();
    await tb.services.tenancy.withTenant(tenant, (scope) => insertDeployment(scope, taken, `${name}-first`));
    const outcome = await tb.services.tenancy
      .withTenant(tenant, async (scope) => {
        await recordAudit(scope, {
          action: 'deployment.create',
          targetType: 'deployment',
          targetId: taken,
          after: { project_name: name },
        });
        await insertDeployment(scope, taken, name); // the same primary key: refused
      })
      .then(
        () => 'committed',
        (error: { code?: string }) => error.code,
      );
    expect(outcome).toBe('23505');
    expect(await stored(tenant, name)).toEqual({ deployments: 0, audit: 0 });

    const thrown = await tb.services.tenancy
      .withTenant(tenant, async (scope) => {
        await recordAudit(scope, {
          action: 'deployment.create',
          targetType: 'deployment',
          targetId: null,
          after: { project_name: name },
        });
        throw new Error('the use case gave up');
      })
      .catch((error: Error) => error.message);
    expect(thrown).toBe('the use case gave up');
    expect(await stored(tenant, name)).toEqual({ deployments: 0, audit: 0 });
  });

  it('fails the create with the error of a row the database refuses, and keeps no entry for it', async () => {
    const tenant = await load(id);
    const name = `refused-${isolation}`;
    // The route's schema never lets this status through; the use case alone, the CHECK refuses it.
    const outcome = await tb.services.tenancy
      .withTenant(tenant, (scope) =>
        createDeployment(scope, { project_name: name, status: 'bogus' as 'pending' }),
      )
      .then(
        () => 'committed',
        (error: { code?: string }) => error.code,
      );
    expect(outcome).toBe('23514');
    expect(await stored(tenant, name)).toEqual({ deployments: 0, audit: 0 });
  });

  it('refuses a statement for the COMMIT once the scope has ended', async () => {
    let kept!: TenantScope;
    await tb.services.tenancy.withTenant(await load(id), async (scope) => {
      kept = scope;
    });
    expect(() => kept.sendWithCommit(CompiledQuery.raw('select 1'))).toThrow(/ended/);
  });
});

describe('the storage limit on a busy tenant', () => {
  const id = 'trips-limited';
  let owner: string;

  beforeAll(async () => {
    await tb.createTenant({ id, isolation: 'pool', tier: 'standard' });
    owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
  });

  it('reads the last measurement once for a burst of creates, and a newer one after USAGE_REUSE_MS', async () => {
    const create = (name: string) =>
      tb.app.inject({
        method: 'POST',
        url: '/api/v1/deployments',
        headers: { authorization: `Bearer ${owner}` },
        payload: { project_name: name },
      });
    await recordStorageUsage(tb.services.tenancy.platformDb, new Map([[id, 1000]]));
    const flights = await recordRoundTrips(
      async () => {
        for (let i = 0; i < 5; i++) expect((await create(`burst-${i}`)).statusCode).toBe(201);
      },
      () => requestContext.current() !== undefined,
    );
    const reads = flights.flatMap((f) => f.statements).filter((s) => s.includes('tenant_usage'));
    expect(reads).toHaveLength(1);

    // Measured over the 10 GB of the standard tier: refused once the reused reading has expired.
    await recordStorageUsage(tb.services.tenancy.platformDb, new Map([[id, 11 * 1024 ** 3]]));
    await sleep(USAGE_REUSE_MS + 100);
    const refused = await create('over');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('LIMIT_EXCEEDED');
  });
});
