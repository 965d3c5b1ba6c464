import type { Selectable } from 'kysely';
import type { TenantDatabase } from '../../tenancy/tenant-database.js';
import type { Entry, EntryType } from './entries.schema.js';

export type EntryTypeRow = Selectable<TenantDatabase['entry_types']>;
export type EntryRow = Selectable<TenantDatabase['entries']>;

export const ENTRY_TYPE_COLUMNS = [
  'tenant_id',
  'key',
  'name',
  'schema',
  'feature',
  'created_at',
  'updated_at',
] as const;
export const ENTRY_COLUMNS = [
  'tenant_id',
  'id',
  'type',
  'data',
  'created_by',
  'created_at',
  'updated_at',
] as const;

/** The API shape of an entry type (`EntryType` in the OpenAPI document). */
export function toEntryType(row: EntryTypeRow, entryCount?: number): EntryType {
  return {
    id: row.key,
    key: row.key,
    name: row.name,
    schema: row.schema,
    feature: row.feature,
    ...(entryCount === undefined ? {} : { entry_count: entryCount }),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** The API shape of an entry (`Entry` in the OpenAPI document). */
export function toEntry(row: EntryRow): Entry {
  return {
    id: row.id,
    type: row.type,
    data: row.data,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
