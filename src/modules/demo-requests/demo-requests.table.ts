import type { ColumnType, Selectable } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

declare module '../../db/platform-database.js' {
  interface PlatformDatabase {
    /** Seed 002's demo requests: in the platform database, since no tenant exists for them yet. */
    'platform.demo_requests': {
      id: string;
      company_name: string;
      email: string;
      business_domain: string;
      message: string | null;
      status: string;
      /** The tenant an approval created; set exactly when approved. */
      tenant_id: string | null;
      reason: string | null;
      decided_by: string | null;
      decided_at: Timestamp | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
  }
}

export type DemoRequestRow = Selectable<PlatformDatabase['platform.demo_requests']>;

export const DEMO_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
