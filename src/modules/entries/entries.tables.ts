import type { ColumnType } from 'kysely';
import { tenantRowSecurity, type TenantMigration } from '../../tenancy/migrations/tenant-migration.js';

declare module '../../tenancy/tenant-database.js' {
  interface TenantDatabase {
    entry_types: {
      tenant_id: string;
      key: string;
      name: string;
      schema: ColumnType<Record<string, unknown>, string, string>;
      feature: string | null;
      created_at: ColumnType<Date, Date, Date>;
      updated_at: ColumnType<Date, Date, Date>;
    };
    entries: {
      tenant_id: string;
      id: string;
      type: string;
      data: ColumnType<Record<string, unknown>, string, string>;
      created_by: string | null;
      created_at: ColumnType<Date, Date, Date>;
      updated_at: ColumnType<Date, Date, Date>;
    };
    entry_domain_seeds: {
      tenant_id: string;
      domain: string;
      seeded_at: ColumnType<Date, Date, Date>;
    };
  }
}

/** Type keys are identifiers: they name URL segments and feature-gated collections. */
export const TYPE_KEY_PATTERN = '^[a-z][a-z0-9_]{0,62}$';

/**
 * `entries_data_idx` (GIN, jsonb_path_ops) answers `data @> '{"status":"x"}'`, the equality filter on
 * any top-level field, without knowing the fields; `entries_type_created_idx` serves the default
 * order and keyset cursors. `entry_domain_seeds` records which business domains' preset types a
 * tenant received, so a preset the tenant deleted is not brought back.
 */
export const entryMigrations: TenantMigration[] = [
  {
    id: '0001_create_entries',
    up: (s) => `
      create table ${s}.entry_types (
        tenant_id text not null,
        key text not null,
        name text not null,
        schema jsonb not null,
        feature text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (tenant_id, key)
      );
      ${tenantRowSecurity(s, 'entry_types')}
      create table ${s}.entries (
        tenant_id text not null,
        id uuid not null,
        type text not null,
        data jsonb not null,
        created_by text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, type) references ${s}.entry_types (tenant_id, key)
      );
      create index entries_type_created_idx on ${s}.entries (tenant_id, type, created_at desc, id desc);
      create index entries_data_idx on ${s}.entries using gin (data jsonb_path_ops);
      ${tenantRowSecurity(s, 'entries')}
      create table ${s}.entry_domain_seeds (
        tenant_id text not null,
        domain text not null,
        seeded_at timestamptz not null,
        primary key (tenant_id, domain)
      );
      ${tenantRowSecurity(s, 'entry_domain_seeds')}`,
  },
  {
    // `json` keeps the author's key order, which is the order of the fields in the console's form
    // (jsonb sorts keys by length). Rows stored before keep jsonb's order.
    id: '0002_entry_type_schema_json',
    up: (s) => `alter table ${s}.entry_types alter column schema type json using schema::json;`,
  },
];
