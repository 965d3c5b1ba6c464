import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/identity-api.js';
import { runPlatformMigrations as runLegacyMigrations } from '../support/legacy-platform-migrations.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

const MOVED = ['demo_requests', 'tenant_exports', 'oidc_providers', 'tenant_usage', 'tenants'];

let upgraded: TestInstance;
let fresh: TestInstance;
let legacyApplied: Map<string, string>;

/** Columns, constraints and indexes of the tables whose DDL moved into modules, comparable across installs. */
async function shapeOf(tb: TestInstance): Promise<unknown> {
  const { rows } = await tb.services.tenancy.adminPool.query(
    `select c.relname as table,
            array(select a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') || case when a.attnotnull then ' not null' else '' end
                    from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns,
            array(select pg_get_constraintdef(k.oid) from pg_constraint k where k.conrelid = c.oid order by 1) as constraints,
            array(select pg_get_indexdef(i.indexrelid) from pg_index i where i.indrelid = c.oid order by 1) as indexes
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'platform' and c.relname = any($1) order by c.relname`,
    [MOVED],
  );
  return rows;
}

beforeAll(async () => {
  upgraded = await startTestInstance({
    preparePlatform: async (owner) => {
      await runLegacyMigrations(owner);
      const { rows } = await owner.query<{ id: string; at: string }>(
        `select id, applied_at::text as at from platform.migrations`,
      );
      legacyApplied = new Map(rows.map((row) => [row.id, row.at]));
    },
  });
  fresh = await startTestInstance();
});
afterAll(async () => {
  await upgraded?.destroy();
  await fresh?.destroy();
});

describe('an install migrated by the code before modules declared platform migrations', () => {
  it('starts with the new code without running any shipped migration again', async () => {
    expect([...legacyApplied.keys()]).toEqual(
      expect.arrayContaining([
        '0005_tenant_usage_demo_requests',
        '0006_tenant_exports',
        '0007_oidc_providers',
      ]),
    );
    const { rows } = await upgraded.services.tenancy.adminPool.query<{ id: string; at: string }>(
      `select id, applied_at::text as at from platform.migrations`,
    );
    const now = new Map(rows.map((row) => [row.id, row.at]));
    for (const [id, at] of legacyApplied) expect(now.get(id), id).toBe(at);
    expect(now.has('0017_business_domains_declared')).toBe(true);
  });

  it('ends with the same platform tables as a fresh install, without the business-domain CHECKs', async () => {
    const shape = await shapeOf(upgraded);
    expect(shape).toEqual(await shapeOf(fresh));
    expect(JSON.stringify(shape)).not.toContain('business_domain = ANY');
  });

  it('serves the tables the modules now own', async () => {
    const created = await api(upgraded, null, 'POST', '/demo-requests', {
      payload: { company_name: 'Upgraded Dental', email: 'ops@upgraded.test', business_domain: 'dental' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const unknown = await api(upgraded, null, 'POST', '/demo-requests', {
      payload: { company_name: 'Nowhere', email: 'ops@nowhere.test', business_domain: 'atlantis' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
  });
});
