import pg from 'pg';
import { quoteIdent } from '../../src/db/sql-identifier.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import type { TestInstance } from './test-instance.js';

/**
 * Runs `work` in one transaction as the owner of a tenant's storage, past the application's
 * fences, as someone with direct database access would (to tamper with rows, say). `table` gives
 * the qualified name of a tenant table in that storage. The tenant setting is applied too, so
 * forced row-level security lets an owner that is not superuser see the tenant's rows.
 */
export async function asStorageOwner<T>(
  tb: TestInstance,
  tenant: { id: string; isolation: Isolation },
  work: (client: pg.ClientBase, table: (name: string) => string) => Promise<T>,
): Promise<T> {
  const { tenancy } = tb.services;
  const names = tenancy.endpoints.names;
  const id = tenant.id as TenantId;
  let client: pg.ClientBase;
  let release: () => Promise<void>;
  let schema: string;
  if (tenant.isolation === 'database') {
    const url = new URL(tenancy.endpoints.servers.get('default')!);
    url.pathname = `/${names.databaseFor(id)}`;
    const own = new pg.Client({ connectionString: url.toString() });
    await own.connect();
    client = own;
    release = () => own.end();
    schema = 'public';
  } else {
    const pooled = await tenancy.adminPool.connect();
    client = pooled;
    release = async () => pooled.release();
    schema = tenant.isolation === 'pool' ? names.poolSchema : names.schemaFor(id);
  }
  try {
    await client.query('begin');
    await client.query(`select set_config('tenantbase.tenant_id', $1, true)`, [tenant.id]);
    const result = await work(client, (name) => `${quoteIdent(schema)}.${quoteIdent(name)}`);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await release();
  }
}
