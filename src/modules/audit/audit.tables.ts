import type { ColumnType } from 'kysely';
import { tenantRowSecurity, type TenantMigration } from '../../tenancy/migrations/tenant-migration.js';

declare module '../../tenancy/tenant-database.js' {
  interface TenantDatabase {
    audit_log: {
      tenant_id: string;
      id: string;
      actor_type: string;
      actor_id: string | null;
      action: string;
      target_type: string;
      target_id: string | null;
      request_id: string | null;
      before: ColumnType<unknown, string | null, string | null>;
      after: ColumnType<unknown, string | null, string | null>;
      created_at: ColumnType<Date, Date | string, Date | string>;
    };
  }
}

export const auditMigrations: TenantMigration[] = [
  {
    id: '0001_audit_log',
    up: (s) => `
      create table ${s}.audit_log (
        tenant_id text not null,
        id uuid not null,
        actor_type text not null,
        actor_id text,
        action text not null,
        target_type text not null,
        target_id text,
        request_id text,
        before jsonb,
        after jsonb,
        created_at timestamptz not null,
        primary key (tenant_id, id)
      );
      create index audit_log_created_idx on ${s}.audit_log (tenant_id, created_at desc, id desc);
      ${tenantRowSecurity(s, 'audit_log')}`,
  },
];
