import type { ColumnType } from 'kysely';
import { tenantRowSecurity, type TenantMigration } from '../../tenancy/migrations/tenant-migration.js';

declare module '../../tenancy/tenant-database.js' {
  interface TenantDatabase {
    deployments: {
      tenant_id: string;
      id: string;
      project_name: string;
      status: string;
      url: string | null;
      created_at: ColumnType<Date, Date, Date>;
      updated_at: ColumnType<Date, Date, Date>;
    };
  }
}

export const DEPLOYMENT_STATUSES = ['pending', 'building', 'active', 'failed', 'stopped'] as const;

export const deploymentMigrations: TenantMigration[] = [
  {
    id: '0001_create_deployments',
    up: (s) => `
      create table ${s}.deployments (
        tenant_id text not null,
        id uuid not null,
        project_name text not null,
        status text not null check (status in (${DEPLOYMENT_STATUSES.map((v) => `'${v}'`).join(',')})),
        url text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (tenant_id, id)
      );
      create index deployments_created_idx on ${s}.deployments (tenant_id, created_at desc, id desc);
      create index deployments_status_idx on ${s}.deployments (tenant_id, status, created_at desc);
      create index deployments_name_idx on ${s}.deployments (tenant_id, project_name, id);
      ${tenantRowSecurity(s, 'deployments')}`,
  },
];
