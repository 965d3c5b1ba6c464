import { quoteIdent } from '../../db/sql-identifier.js';
import type { TenantLocation } from '../../tenancy/isolation/isolation-model.js';
import { storageKey } from '../../tenancy/migrations/storage-key.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { prepareMoveSession } from './storage-sync.js';

/**
 * Removes one storage of a moving tenant: its rows from the shared pool tables (children first,
 * through the pool fence), or its schema or database.
 */
export async function dropOldStorage(tenancy: Tenancy, location: TenantLocation): Promise<void> {
  if (location.isolation !== 'pool') {
    await tenancy.destroy(location);
    return;
  }
  const { client, schema } = await tenancy.ownerStorage(location);
  try {
    await prepareMoveSession(client, location.id);
    await client.query('begin');
    for (const table of [...tenancy.tenantTables].reverse()) {
      await client.query(`delete from ${quoteIdent(schema)}.${quoteIdent(table)} where tenant_id = $1`, [
        location.id,
      ]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Removes a copy that never became the tenant's storage, with its migration bookkeeping. */
export async function dropTarget(tenancy: Tenancy, to: TenantLocation): Promise<void> {
  await dropOldStorage(tenancy, to);
  if (to.isolation !== 'pool') {
    const current = await tenancy.registry.load(to.id);
    if (current?.isolation !== to.isolation) {
      await tenancy.platformDb
        .deleteFrom('platform.storage_migrations')
        .where('storage', '=', storageKey(to))
        .execute();
    }
  }
}
