import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantModule } from '../../src/modules/module.js';
import { registeredModules } from '../../src/modules/registered-modules.js';
import { findBehind, migrateTenantStorages } from '../../src/tenancy/migrations/migrate-tenant-storages.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

const TENANTS = Array.from({ length: 50 }, (_, i) => `mig-${String(i).padStart(2, '0')}`);
const BROKEN = 'mig-17';

/** A module whose new migration fails in exactly one tenant schema until that tenant is repaired. */
function moduleWithNewMigration(): TenantModule {
  return {
    name: 'late',
    feature: null,
    tables: [],
    migrations: [
      {
        id: '0001_late',
        up: (s) => `
          do $$ begin
            if '${s}' = '"t_mig_17"' and not exists (select 1 from pg_namespace where nspname = 'repaired') then
              raise exception 'broken tenant';
            end if;
          end $$;
          create table ${s}.late_notes (tenant_id text not null, id int not null, primary key (tenant_id, id));`,
      },
    ],
  };
}

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance();
  for (let i = 0; i < TENANTS.length; i += 10) {
    await Promise.all(TENANTS.slice(i, i + 10).map((id) => tb.createTenant({ id, isolation: 'schema' })));
  }
  await tb.close();
  // No worker: it would start migrating in the background (an upgrade's catch-up job) and race the test.
  tb = await startTestInstance({
    env: tb.env,
    modules: [...registeredModules, moduleWithNewMigration()],
    startWorker: false,
  });
});
afterAll(async () => {
  await tb?.destroy();
});

describe('migrate --tenants', () => {
  it('stops after a failing canary without touching the rest', async () => {
    const only = [BROKEN, 'mig-00', 'mig-01'].map((id) => id as never);
    const behind = await findBehind(tb.services.tenancy, only);
    expect(behind.map((b) => b.id)).toEqual(['mig-00', 'mig-01', BROKEN]);
    const report = await migrateTenantStorages(tb.services.tenancy, {
      concurrency: 1,
      only: [BROKEN as never, 'mig-00' as never],
      canary: 2,
    });
    expect(report.failed.map((f) => f.tenant)).toEqual([BROKEN]);
    expect(report.stoppedAtCanary).toBe(true);
  });

  it('continues past a failing tenant, reports it, and a re-run completes it', async () => {
    const first = await migrateTenantStorages(tb.services.tenancy, { concurrency: 4 });
    expect(first.failed).toHaveLength(1);
    expect(first.failed[0]!.tenant).toBe(BROKEN);
    expect(first.failed[0]!.error).toContain('broken tenant');
    // everyone but the broken tenant and mig-00, which the canary run already migrated
    expect(first.migrated).toHaveLength(TENANTS.length - 2);
    const stillBehind = await findBehind(tb.services.tenancy);
    expect(stillBehind.map((b) => b.id)).toEqual([BROKEN]);

    await tb.services.tenancy.adminPool.query('create schema repaired');
    const second = await migrateTenantStorages(tb.services.tenancy, { concurrency: 4 });
    expect(second).toMatchObject({ total: 1, migrated: [BROKEN], failed: [] });
    expect(await findBehind(tb.services.tenancy)).toEqual([]);
    const { rows } = await tb.services.tenancy.adminPool.query(
      `select count(*)::int as n from information_schema.tables where table_name = 'late_notes'`,
    );
    expect(rows[0].n).toBe(TENANTS.length + 1); // every tenant schema and the shared pool schema
  });

  it('answers "nothing pending" from recorded state alone', async () => {
    const report = await migrateTenantStorages(tb.services.tenancy, { concurrency: 4 });
    expect(report).toMatchObject({ total: 0, migrated: [], failed: [] });
  });
});
