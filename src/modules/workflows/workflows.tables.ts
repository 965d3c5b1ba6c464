import type { ColumnType } from 'kysely';
import { tenantRowSecurity, type TenantMigration } from '../../tenancy/migrations/tenant-migration.js';

declare module '../../tenancy/tenant-database.js' {
  interface TenantDatabase {
    workflows: {
      tenant_id: string;
      id: string;
      name: string;
      status: string;
      config: ColumnType<unknown, string, string>;
      created_at: ColumnType<Date, Date, Date>;
      updated_at: ColumnType<Date, Date, Date>;
    };
  }
}

export const WORKFLOW_STATUSES = ['active', 'paused', 'disabled'] as const;

export const workflowMigrations: TenantMigration[] = [
  {
    id: '0001_create_workflows',
    up: (s) => `
      create table ${s}.workflows (
        tenant_id text not null,
        id uuid not null,
        name text not null,
        status text not null check (status in (${WORKFLOW_STATUSES.map((v) => `'${v}'`).join(',')})),
        config jsonb not null default '{}',
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (tenant_id, id)
      );
      create index workflows_created_idx on ${s}.workflows (tenant_id, created_at desc, id desc);
      create index workflows_status_idx on ${s}.workflows (tenant_id, status, created_at desc);
      create index workflows_name_idx on ${s}.workflows (tenant_id, name, id);
      ${tenantRowSecurity(s, 'workflows')}`,
  },
];
