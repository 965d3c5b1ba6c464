import type { TenantLocation } from '../../tenancy/isolation/isolation-model.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { TENANT_SETTING } from '../../tenancy/tenant-database.js';
import type { RowSource } from './read-table-rows.js';

/**
 * Runs `work` on ONE consistent snapshot of the tenant's storage (REPEATABLE READ, READ ONLY), as
 * the application role under the tenant's row-level security. A TenantScope cannot give this: it
 * begins READ COMMITTED, lazily, and batches read at different moments could pair a user_roles row
 * with a user created after the users table was read, an archive that would never import.
 * The settings pin how values print, so the same data gives the same checksums on any server.
 */
export async function readTenantSnapshot<T>(
  tenancy: Tenancy,
  tenant: TenantLocation,
  work: (source: RowSource) => Promise<T>,
): Promise<T> {
  const { client, schema } = await tenancy.model(tenant.isolation).connect(tenant);
  let clean = true;
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query(`select set_config('${TENANT_SETTING}', $1, true)`, [tenant.id]);
    await client.query(`set local time zone 'UTC'`);
    await client.query(`set local intervalstyle = 'postgres'`);
    await client.query(`set local extra_float_digits = 1`);
    const result = await work({
      schema,
      tenantId: tenant.id,
      run: async (text, values) => (await client.query(text, values)).rows,
    });
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {
      clean = false;
    });
    throw error;
  } finally {
    client.release(clean ? undefined : true);
  }
}
