import type { ColumnType } from 'kysely';
import { tenantRowSecurity, type TenantMigration } from '../../tenancy/migrations/tenant-migration.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type ProfileText = ColumnType<string | null, string | null | undefined, string | null>;

declare module '../../tenancy/tenant-database.js' {
  interface TenantDatabase {
    users: {
      tenant_id: string;
      id: string;
      email: string;
      password_hash: string | null;
      status: string;
      /** Profile (seed 002): shown to the tenant's administrators, null until set. */
      name: ProfileText;
      job_title: ProfileText;
      department: ProfileText;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    roles: {
      tenant_id: string;
      name: string;
      permissions: string[];
      built_in: boolean;
      created_at: Timestamp;
    };
    user_roles: { tenant_id: string; user_id: string; role: string };
    /** A tenant user's TOTP enrolment (auth module); recovery codes are SHA-256 hashes. */
    user_mfa: {
      tenant_id: string;
      user_id: string;
      secret: string;
      status: 'pending' | 'active';
      recovery_codes: string[];
      last_used_step: ColumnType<string | null, number | null, number | null>;
      enabled_at: Date | null;
      created_at: Timestamp;
    };
  }
}

export const identityMigrations: TenantMigration[] = [
  {
    id: '0001_users_roles',
    up: (s) => `
      create table ${s}.users (
        tenant_id text not null,
        id uuid not null,
        email text not null,
        password_hash text,
        status text not null check (status in ('active','invited','disabled')),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (tenant_id, id),
        unique (tenant_id, email)
      );
      create table ${s}.roles (
        tenant_id text not null,
        name text not null,
        permissions text[] not null default '{}',
        built_in boolean not null default false,
        created_at timestamptz not null default now(),
        primary key (tenant_id, name)
      );
      create table ${s}.user_roles (
        tenant_id text not null,
        user_id uuid not null,
        role text not null,
        primary key (tenant_id, user_id, role),
        foreign key (tenant_id, user_id) references ${s}.users (tenant_id, id) on delete cascade,
        foreign key (tenant_id, role) references ${s}.roles (tenant_id, name) on delete cascade
      );
      ${tenantRowSecurity(s, 'users')}
      ${tenantRowSecurity(s, 'roles')}
      ${tenantRowSecurity(s, 'user_roles')}`,
  },
  {
    id: '0002_mfa',
    up: (s) => `
      create table ${s}.user_mfa (
        tenant_id text not null,
        user_id uuid not null,
        secret text not null,
        status text not null check (status in ('pending','active')),
        recovery_codes text[] not null default '{}',
        last_used_step bigint,
        enabled_at timestamptz,
        created_at timestamptz not null,
        primary key (tenant_id, user_id),
        foreign key (tenant_id, user_id) references ${s}.users (tenant_id, id) on delete cascade
      );
      ${tenantRowSecurity(s, 'user_mfa')}`,
  },
  {
    id: '0003_user_profile',
    up: (s) => `
      alter table ${s}.users
        add column name text check (char_length(name) <= 200),
        add column job_title text check (char_length(job_title) <= 200),
        add column department text check (char_length(department) <= 200);`,
  },
];
