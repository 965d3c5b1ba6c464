import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChangeLog, stopChangeLog, takeChanges } from '../../src/modules/tenant-move/change-log.js';
import { dropTarget } from '../../src/modules/tenant-move/drop-storage.js';
import { finalSync } from '../../src/modules/tenant-move/final-sync.js';
import { fenceStorage, unfenceStorage } from '../../src/modules/tenant-move/storage-fence.js';
import {
  copyPass,
  layoutsOf,
  type MoveStorage,
  prepareMoveSession,
} from '../../src/modules/tenant-move/storage-sync.js';
import type { TenantLocation } from '../../src/tenancy/isolation/isolation-model.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

/*
 * The freeze of a move reads only what changed: after a clean verification pass, an insert, an
 * update and a delete by the tenant (and writes of a pool neighbour) leave exactly their keys in
 * the change log; the final delta fixes and re-verifies those keys and no range, and the copy is
 * then equal to the source row for row, in every source model.
 */
let tb: TestInstance;

const PAIRS: Array<[Isolation, Isolation]> = [
  ['pool', 'schema'],
  ['schema', 'database'],
  ['database', 'pool'],
];

beforeAll(async () => {
  tb = await startTestInstance();
  await tb.createTenant({ id: 'md-neighbour', isolation: 'pool' });
}, 120_000);
afterAll(async () => {
  await tb?.destroy();
});

async function open(location: TenantLocation): Promise<MoveStorage> {
  const storage = await tb.services.tenancy.ownerStorage(location);
  await prepareMoveSession(storage.client, location.id);
  return storage;
}

/** Every row of the tenant in every tenant table of one storage, as jsonb text in key order. */
async function allRows(storage: MoveStorage, tenantId: string, tables: string[]) {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const { rows } = await storage.client.query<{ row: string }>(
      `select to_jsonb(r)::text as row from "${storage.schema}"."${table}" r where r.tenant_id = $1
        order by to_jsonb(r)::text`,
      [tenantId],
    );
    out[table] = rows.map((r) => r.row);
  }
  return out;
}

describe('the final delta of a move', () => {
  it.each(PAIRS)(
    'from %s to %s covers inserts, updates and deletes by their keys only',
    async (from, to) => {
      const id = `md-${from.slice(0, 2)}-${to.slice(0, 2)}` as TenantId;
      await tb.createTenant({ id, isolation: from });
      const owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
      const neighbour = await tb.login('owner@md-neighbour.test', 'owner-password-1', 'md-neighbour');
      const api = (token: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
        tb.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        const created = await api(owner, 'POST', '/api/v1/deployments', { project_name: `app-${i}` });
        expect(created.statusCode).toBe(201);
        ids.push(created.json().data.id);
      }
      const { tenancy } = tb.services;
      const source = { id, isolation: from, placement: 'default' };
      const target = { id, isolation: to, placement: 'default' };
      const moveId = randomUUID();
      await tenancy.provision(target);
      const src = await open(source);
      const dst = await open(target);
      try {
        const tables = tenancy.tenantTables;
        const pairs = await layoutsOf(src, dst, tables);
        await startChangeLog(
          src,
          pairs.map((p) => p.source),
          pairs.map((p) => p.name),
          moveId,
          id,
        );
        const bulk = await copyPass(src, dst, tables, id, async () => undefined);
        expect(bulk.rowsWritten).toBeGreaterThanOrEqual(30);
        // The copy is clean: a verification pass finds nothing to fix, and the log holds the bulk's era only.
        await takeChanges(src.client, moveId);
        const check = await copyPass(src, dst, tables, id, async () => undefined);
        expect(check.unverified).toEqual([]);

        // Written after the verification pass, before the fence: only the log knows.
        const added = await api(owner, 'POST', '/api/v1/deployments', { project_name: 'late' });
        expect(added.statusCode).toBe(201);
        expect(
          (await api(owner, 'PATCH', `/api/v1/deployments/${ids[3]}`, { status: 'failed' })).statusCode,
        ).toBe(200);
        expect((await api(owner, 'DELETE', `/api/v1/deployments/${ids[7]}`)).statusCode).toBe(204);
        expect(
          (await api(neighbour, 'POST', '/api/v1/deployments', { project_name: 'not-moving' })).statusCode,
        ).toBe(201);

        // A difference no log knows of, in a range the caller names dirty: the range path fixes it.
        await dst.client.query(
          `update "${dst.schema}".deployments set project_name = 'not-the-source' where tenant_id = $1 and id = $2`,
          [id, ids[10]],
        );
        const deploymentsPair = pairs.find((p) => p.name === 'deployments')!;
        const usersPair = pairs.find((p) => p.name === 'users')!;

        await fenceStorage(tenancy, source, moveId);
        const changes = await takeChanges(src.client, moveId);
        const deployments = (changes.get('deployments') ?? []).map((k) => k.id).sort();
        expect(deployments).toEqual([added.json().data.id, ids[3], ids[7]].sort());
        expect(check.unverified).toEqual([]);
        const final = await finalSync(src, dst, pairs, id, {
          ranges: [
            { table: deploymentsPair, after: undefined, upTo: undefined },
            { table: usersPair, after: undefined, upTo: undefined },
          ],
          keys: changes,
        });
        // Both ranges were checked; only the deployments one differed and was read row by row.
        expect(final.rangesChecked).toBe(2);
        expect(final.rangesFixed).toBe(1);
        expect(final.rowsWritten).toBeGreaterThanOrEqual(2);
        expect(final.keysChecked).toBeLessThan(20);
        const names = pairs.map((p) => p.name);
        expect(await allRows(dst, id, names)).toEqual(await allRows(src, id, names));
        expect((await allRows(dst, id, ['deployments'])).deployments).toHaveLength(30);
      } finally {
        await unfenceStorage(tenancy, source);
        await stopChangeLog(src, tenancy.tenantTables, moveId);
        await Promise.all([src.client.end(), dst.client.end()]);
        await dropTarget(tenancy, target);
      }
      // The log is gone with the move: writes of the tenant leave no key any more.
      expect((await api(owner, 'POST', '/api/v1/deployments', { project_name: 'after' })).statusCode).toBe(
        201,
      );
      const again = await open(source);
      try {
        expect((await takeChanges(again.client, moveId)).size).toBe(0);
      } finally {
        await again.client.end();
      }
    },
    120_000,
  );
});
