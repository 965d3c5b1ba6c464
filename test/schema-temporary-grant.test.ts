import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { demandRows, forecastingClient } from './forecasting/forecasting-calls.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

const instances: TestInstance[] = [];
afterAll(async () => {
  await Promise.all(instances.map((tb) => tb.destroy()));
});

/** The roles named in the platform database's own ACL (a schema tenant's staging needs TEMPORARY there). */
async function rolesInDatabaseAcl(tb: TestInstance): Promise<string[]> {
  const client = new pg.Client({ connectionString: tb.env.DATABASE_DIRECT_URL ?? tb.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string }>(
      `select a.grantee::regrole::text as role
         from pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
        where d.datname = current_database() and a.grantee <> 0 and a.privilege_type = 'TEMPORARY'`,
    );
    return rows.map((row) => row.role.replaceAll('"', ''));
  } finally {
    await client.end();
  }
}

/** Creates a schema tenant and loads demand through its temporary staging table. */
async function stageDemandIn(tb: TestInstance, id: string) {
  await tb.createTenant({ id, isolation: 'schema', tier: 'premium' });
  const api = forecastingClient(tb, await tb.login(`owner@${id}.test`, 'owner-password-1', id));
  const loaded = await api.post('/demand', { rows: demandRows('sku-t', 30) });
  expect(loaded.statusCode, loaded.body).toBe(200);
  expect(loaded.json().data.inserted).toBe(30);
}

describe('TEMPORARY on the platform database for schema tenants', () => {
  it(
    'adds no ACL entry per tenant while PUBLIC holds TEMPORARY (the default)',
    { timeout: 120_000 },
    async () => {
      const tb = await startTestInstance();
      instances.push(tb);
      await stageDemandIn(tb, 'tg-open');
      expect((await rolesInDatabaseAcl(tb)).filter((role) => role.endsWith('t_tg_open'))).toEqual([]);
    },
  );

  it(
    'grants the tenant role where an operator has since revoked it from PUBLIC',
    { timeout: 120_000 },
    async () => {
      const tb = await startTestInstance();
      const owner = new pg.Client({ connectionString: tb.env.DATABASE_DIRECT_URL ?? tb.env.DATABASE_URL });
      await owner.connect();
      const { rows } = await owner.query<{ db: string }>(`select format('%I', current_database()) as db`);
      await owner.query(`revoke temporary on database ${rows[0]!.db} from public`);
      await owner.end();
      instances.push(tb);
      await stageDemandIn(tb, 'tg-hard');
      expect((await rolesInDatabaseAcl(tb)).filter((role) => role.endsWith('t_tg_hard'))).toHaveLength(1);
    },
  );
});
