import type { ColumnType, Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';

declare module '../../db/platform-database.js' {
  interface PlatformDatabase {
    /** The latest storage measurement of each tenant; enforcement reads it, never measures. */
    'platform.tenant_usage': {
      tenant_id: string;
      /** bigint: pg hands it back as a string. */
      storage_bytes: ColumnType<string, number, number>;
      measured_at: ColumnType<Date, Date, Date>;
    };
  }
}

/** What a tenant last measured at; absent until the first measurement. */
export interface StorageUsage {
  storage_bytes: number;
  measured_at: Date;
}

/** Keeps the newest measurement per tenant (an older, slower measurement never overwrites it). */
export async function recordStorageUsage(
  db: Kysely<PlatformDatabase>,
  measured: ReadonlyMap<string, number>,
  measuredAt = new Date(),
): Promise<void> {
  if (measured.size === 0) return;
  await db
    .insertInto('platform.tenant_usage')
    .values(
      [...measured].map(([tenant_id, bytes]) => ({
        tenant_id,
        storage_bytes: bytes,
        measured_at: measuredAt,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('tenant_id')
        .doUpdateSet((eb) => ({
          storage_bytes: eb.ref('excluded.storage_bytes'),
          measured_at: eb.ref('excluded.measured_at'),
        }))
        .whereRef('platform.tenant_usage.measured_at', '<=', 'excluded.measured_at'),
    )
    .execute();
}

/** The tenant's last measured storage, by primary key (cheap enough for every create request). */
export async function findStorageUsage(
  db: Kysely<PlatformDatabase>,
  tenantId: string,
): Promise<StorageUsage | undefined> {
  const row = await db
    .selectFrom('platform.tenant_usage')
    .select(['storage_bytes', 'measured_at'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row ? { storage_bytes: Number(row.storage_bytes), measured_at: row.measured_at } : undefined;
}
