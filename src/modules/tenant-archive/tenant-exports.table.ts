import type { ColumnType, Selectable } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';

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
