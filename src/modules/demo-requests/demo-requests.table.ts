import type { ColumnType, Selectable } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { PlatformMigration } from '../../db/platform-migrations.js';

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

/**
 * The table's DDL shipped inside the core's migration 0005, so it keeps that id: installs that
 * applied 0005 never run it again. 0017 lets the application, not a CHECK, judge the domain.
 */
export const demoRequestPlatformMigrations: PlatformMigration[] = [
  {
    id: '0005_tenant_usage_demo_requests',
    sql: `
      create table platform.demo_requests (
        id uuid primary key,
        company_name text not null,
        email text not null,
        business_domain text not null default 'default' check (business_domain in ('default','dental','manufacturing')),
        message text,
        status text not null default 'pending' check (status in ('pending','approved','rejected')),
        tenant_id text,
        reason text,
        decided_by text,
        decided_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check ((status = 'approved') = (tenant_id is not null))
      );
      create index demo_requests_created_idx on platform.demo_requests (created_at desc, id desc);
      create index demo_requests_status_idx on platform.demo_requests (status, created_at desc, id desc);`,
  },
  {
    id: '0017_business_domains_declared',
    sql: `alter table platform.demo_requests drop constraint if exists demo_requests_business_domain_check;`,
  },
];
