import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../../../test/support/test-instance.js';
import { countTenantRows, listTenantTables } from './count-tenant-rows.js';

let tb: TestInstance;
const schema = `count_rows_${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  tb = await startTestInstance();
  await tb.services.tenancy.adminPool.query(
    `create schema ${schema};
     create table ${schema}.notes (tenant_id text not null, body text);
     create table ${schema}.tenant_migrations (id text);
     insert into ${schema}.notes values ('t-a', 'one'), ('t-a', 'two'), ('t-b', 'other');`,
  );
});

afterAll(async () => {
  await tb.services.tenancy.adminPool.query(`drop schema if exists ${schema} cascade`);
  await tb.destroy();
});

describe('countTenantRows (inspect() of the three isolation models)', () => {
  it("counts only the tenant's rows in a shared schema, and every row in its own", async () => {
    const admin = await tb.services.tenancy.adminPool.connect();
    try {
      const tables = await listTenantTables(admin, schema);
      expect(tables).toEqual(['notes']);
      expect(await countTenantRows(admin, 't-a', schema, tables, { shared: true })).toBe(2);
      expect(await countTenantRows(admin, 't-a', schema, tables, { shared: false })).toBe(3);
    } finally {
      admin.release();
    }
  });

  it('leaves the connection outside a transaction when a count fails, so the pool gets it back usable', async () => {
    const admin = await tb.services.tenancy.adminPool.connect();
    try {
      await expect(
        countTenantRows(admin, 't-a', schema, ['notes', 'missing_table'], { shared: true }),
      ).rejects.toThrow(/missing_table/);
      const { rows } = await admin.query<{ one: number }>('select 1 as one');
      expect(rows[0]?.one).toBe(1);
    } finally {
      admin.release();
    }
  });
});
