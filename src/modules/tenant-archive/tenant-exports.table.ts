import type { ColumnType, Selectable } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { PlatformMigration } from '../../db/platform-migrations.js';

declare module '../../db/platform-database.js' {
  interface PlatformDatabase {
    /** One export of one tenant: its progress, then where its archive file is (platform migration 0006). */
    'platform.tenant_exports': {
      id: string;
      tenant_id: string;
      status: 'running' | 'done' | 'failed';
      /** Relative to DATA_DIR/exports. */
      file_name: string | null;
      /** bigint: pg hands it back as a string. */
      size_bytes: ColumnType<string | null, number | null, number | null>;
      sha256: string | null;
      tables: ColumnType<ExportedTable[] | null, string | null, string | null>;
      error: string | null;
      requested_by: string | null;
      created_at: ColumnType<Date, Date, never>;
      completed_at: Date | null;
    };
  }
}

/** What the export status shows per table: enough to compare two exports without downloading them. */
export interface ExportedTable {
  name: string;
  rows: number;
  sha256: string;
}

export type TenantExportRow = Selectable<PlatformDatabase['platform.tenant_exports']>;

/** Shipped as the core's migration 0006; the id stays so installs that applied it skip it. */
export const tenantExportPlatformMigrations: PlatformMigration[] = [
  {
    // Rows go with their tenant when it is deleted.
    id: '0006_tenant_exports',
    sql: `
      create table platform.tenant_exports (
        id uuid primary key,
        tenant_id text not null references platform.tenants (id) on delete cascade,
        status text not null check (status in ('running','done','failed')),
        file_name text,
        size_bytes bigint,
        sha256 text,
        tables jsonb,
        error text,
        requested_by text,
        created_at timestamptz not null,
        completed_at timestamptz
      );
      create index tenant_exports_tenant_idx on platform.tenant_exports (tenant_id, created_at desc);`,
  },
];
