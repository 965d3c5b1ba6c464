import type { ColumnType } from 'kysely';
import { tenantRowSecurity, type TenantMigration } from '../../tenancy/migrations/tenant-migration.js';
import { backfillSql } from './entry-index-sql.js';

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
    /** One row per entry and listable field (entry-index-sql.ts): what filters and sorts seek. */
    entry_fields: {
      tenant_id: string;
      entry_id: string;
      field: string;
      type: string;
      numeric: boolean;
      kind: string;
      missing: boolean;
      text_value: string;
      number_value: number;
      created_at: ColumnType<Date, Date, Date>;
    };
    /** One row per entry and distinct word of its searched fields: what `q` seeks. */
    entry_words: {
      tenant_id: string;
      entry_id: string;
      word: string;
      type: string;
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
 * `entries_type_created_idx` serves the default order and keyset cursors. `entry_domain_seeds`
 * records which business domains' preset types a tenant received, so a preset the tenant deleted
 * is not brought back. `entry_fields` and `entry_words` (0003) hold what lists filter, sort and
 * search on as plain columns, because under forced row-level security no index on `data` can serve
 * the application role (README, "Entries and business domains", Indexes); 0001's GIN index on
 * `data` never served it and goes.
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
  {
    // The entries are read as the owner, which forced row security would show none of: FORCE is
    // lifted inside this transaction only (no other session ever sees it off), and the new tables
    // are fenced after their backfill. Their keys and indexes all lead with tenant_id (Citus).
    id: '0003_entry_fields_and_words',
    up: (s) => `
      create table ${s}.entry_fields (
        tenant_id text not null,
        entry_id uuid not null,
        field text not null,
        type text not null,
        numeric boolean not null,
        kind text not null,
        missing boolean not null,
        text_value text not null,
        number_value double precision not null,
        created_at timestamptz not null,
        primary key (tenant_id, entry_id, field)
      );
      create table ${s}.entry_words (
        tenant_id text not null,
        entry_id uuid not null,
        word text collate "C" not null,
        type text not null,
        primary key (tenant_id, entry_id, word)
      );
      alter table ${s}.entries no force row level security;
      alter table ${s}.entry_types no force row level security;
      ${backfillSql(s)}
      alter table ${s}.entries force row level security;
      alter table ${s}.entry_types force row level security;
      create index entry_fields_text_idx on ${s}.entry_fields
        (tenant_id, type, field, missing, text_value, created_at, entry_id) include (kind) where not numeric;
      create index entry_fields_count_idx on ${s}.entry_fields (tenant_id, type, field, text_value)
        where not numeric and not missing;
      create index entry_fields_number_idx on ${s}.entry_fields
        (tenant_id, type, field, missing, number_value, created_at, entry_id) where numeric;
      create index entry_words_word_idx on ${s}.entry_words (tenant_id, type, word, entry_id);
      ${tenantRowSecurity(s, 'entry_fields')}
      ${tenantRowSecurity(s, 'entry_words')}
      drop index if exists ${s}.entries_data_idx;
      analyze ${s}.entry_fields;
      analyze ${s}.entry_words;`,
  },
];
