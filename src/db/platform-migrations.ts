import type pg from 'pg';

/** The control plane's own schema; tenant data never lives here. */
export const PLATFORM_SCHEMA = 'platform';

/** One platform schema change; its id is recorded once applied and never renamed once shipped. */
export interface PlatformMigration {
  id: string;
  sql: string;
}

/** A module's platform migrations and the platform tables they must leave behind. */
export interface PlatformMigrationSource {
  name: string;
  platformMigrations?: readonly PlatformMigration[];
  platformTables?: readonly string[];
}

/** The core's own, ordered and append-only; modules bring theirs (`TenantModule.platformMigrations`). */
const migrations: PlatformMigration[] = [
  {
    id: '0001_registry',
    sql: `
      create table platform.tenants (
        id text primary key,
        name text not null,
        status text not null check (status in ('provisioning','active','suspended','failed','deleting','deleted')),
        provisioning_step text,
        provisioning_error text,
        tier text not null check (tier in ('standard','premium','enterprise')),
        isolation text not null check (isolation in ('pool','schema','database')),
        placement text not null default 'default',
        business_domain text not null default 'default' check (business_domain in ('default','dental','manufacturing')),
        feature_overrides jsonb not null default '{}',
        branding jsonb not null default '{}',
        settings jsonb not null default '{}',
        limit_overrides jsonb not null default '{}',
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create index tenants_created_idx on platform.tenants (created_at desc, id desc);
      create table platform.tenant_hostnames (
        hostname text primary key,
        tenant_id text not null references platform.tenants (id) on delete cascade
      );
      create index tenant_hostnames_tenant_idx on platform.tenant_hostnames (tenant_id);
      create table platform.platform_admins (
        id uuid primary key,
        email text not null unique,
        password_hash text not null,
        created_at timestamptz not null default now()
      );
      create table platform.signing_keys (
        kid text primary key,
        alg text not null,
        public_jwk jsonb not null,
        private_jwk jsonb not null,
        created_at timestamptz not null default now(),
        retired_at timestamptz
      );
      create table platform.platform_audit (
        id bigint generated always as identity primary key,
        actor_type text not null,
        actor_id text,
        action text not null,
        target_type text,
        target_id text,
        tenant_id text,
        request_id text,
        details jsonb,
        created_at timestamptz not null default now()
      );
      create index platform_audit_created_idx on platform.platform_audit (created_at desc);
      create table platform.storage_migrations (
        storage text not null,
        migration_id text not null,
        applied_at timestamptz not null default now(),
        primary key (storage, migration_id)
      );
      create table platform.billing_customers (
        tenant_id text primary key references platform.tenants (id) on delete cascade,
        provider text not null,
        customer_id text not null
      );`,
  },
  {
    id: '0002_jobs',
    sql: `
      create table platform.jobs (
        id bigint generated always as identity primary key,
        kind text not null,
        tenant_id text,
        payload jsonb not null default '{}',
        status text not null default 'queued' check (status in ('queued','running','done','failed')),
        attempts int not null default 0,
        max_attempts int not null default 5,
        run_at timestamptz not null default now(),
        locked_by text,
        locked_until timestamptz,
        last_error text,
        result jsonb,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index jobs_ready_idx on platform.jobs (run_at, id) where status = 'queued';
      create index jobs_leased_idx on platform.jobs (locked_until) where status = 'running';
      create index jobs_tenant_idx on platform.jobs (tenant_id, created_at desc);`,
  },
  {
    id: '0003_sessions_mfa_key_rotation',
    sql: `
      create table platform.refresh_tokens (
        token_hash text primary key,
        family_id uuid not null,
        subject text not null,
        kind text not null check (kind in ('platform_admin','tenant_user')),
        tenant_id text references platform.tenants (id) on delete cascade,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz,
        revoked_at timestamptz,
        check ((kind = 'tenant_user') = (tenant_id is not null))
      );
      create index refresh_tokens_family_idx on platform.refresh_tokens (family_id);
      create index refresh_tokens_expires_idx on platform.refresh_tokens (expires_at);
      create table platform.admin_mfa (
        admin_id uuid primary key references platform.platform_admins (id) on delete cascade,
        secret text not null,
        status text not null check (status in ('pending','active')),
        recovery_codes text[] not null default '{}',
        last_used_step bigint,
        enabled_at timestamptz,
        created_at timestamptz not null default now()
      );
      alter table platform.signing_keys add column activates_at timestamptz;
      update platform.signing_keys set activates_at = created_at;
      alter table platform.signing_keys alter column activates_at set not null;
      alter table platform.signing_keys alter column activates_at set default now();`,
  },
  {
    id: '0004_mail_outbox_admin_tokens',
    sql: `
      create table platform.mail_outbox (
        id uuid primary key,
        tenant_id text references platform.tenants (id) on delete cascade,
        recipient text not null,
        subject text not null,
        body text not null,
        kind text not null,
        created_at timestamptz not null
      );
      create index mail_outbox_created_idx on platform.mail_outbox (created_at desc, id desc);
      create index mail_outbox_recipient_idx on platform.mail_outbox (recipient, created_at desc);
      create table platform.admin_tokens (
        id uuid primary key,
        admin_id uuid not null references platform.platform_admins (id) on delete cascade,
        purpose text not null check (purpose in ('password_reset')),
        token_hash text not null unique,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_at timestamptz not null
      );
      create index admin_tokens_admin_idx on platform.admin_tokens (admin_id, purpose);`,
  },
  {
    id: '0005_tenant_usage_demo_requests',
    sql: `
      create table platform.tenant_usage (
        tenant_id text primary key references platform.tenants (id) on delete cascade,
        storage_bytes bigint not null check (storage_bytes >= 0),
        measured_at timestamptz not null
      );`,
  },
  {
    // Access tokens end within seconds of a revocation: every process mirrors the recent rows of
    // token_generations and the recently revoked refresh families, told to reload by NOTIFY.
    id: '0009_token_revocations',
    sql: `
      create sequence platform.token_generation_seq;
      create table platform.token_generations (
        tenant_id text not null,
        subject text not null,
        generation bigint not null,
        changed_at timestamptz not null default now(),
        primary key (tenant_id, subject)
      );
      create index token_generations_changed_idx on platform.token_generations (changed_at);
      create index refresh_tokens_revoked_idx on platform.refresh_tokens (revoked_at)
        where revoked_at is not null;
      create function platform.notify_token_revocation() returns trigger language plpgsql as $$
      begin
        perform pg_notify('tenantbase_token_revocations', '');
        return null;
      end $$;
      create trigger token_generations_notify after insert or update on platform.token_generations
        for each statement execute function platform.notify_token_revocation();
      create trigger refresh_tokens_notify after update of revoked_at on platform.refresh_tokens
        for each row when (old.revoked_at is null and new.revoked_at is not null)
        execute function platform.notify_token_revocation();
      -- However an administrator is removed (SQL, a future route), their tokens end with them.
      create function platform.revoke_deleted_admin_tokens() returns trigger language plpgsql
        security definer set search_path = pg_catalog as $$
      begin
        insert into platform.token_generations (tenant_id, subject, generation)
        values ('', old.id::text, nextval('platform.token_generation_seq'))
        on conflict (tenant_id, subject)
        do update set generation = excluded.generation, changed_at = now();
        return null;
      end $$;
      create trigger platform_admins_revoke_tokens after delete on platform.platform_admins
        for each row execute function platform.revoke_deleted_admin_tokens();`,
  },
  {
    // A fencing token per claim: a worker that lost its lease can no longer write the job.
    id: '0010_job_lease_token',
    sql: `alter table platform.jobs add column lease_token uuid;`,
  },
  {
    // The generated application role's password: made by every install, whoever provides the
    // role, so the grants can name it (older installs made it on first start, hence "if not exists").
    id: '0011_platform_secrets',
    sql: `create table if not exists platform.secrets (name text primary key, value text not null);`,
  },
  {
    // Business domains are declared by the registered modules and checked by the application; a
    // CHECK here would need a migration for every domain a module adds.
    id: '0017_business_domains_declared',
    sql: `alter table platform.tenants drop constraint if exists tenants_business_domain_check;`,
  },
  {
    // A reference to the tenant's own PostgreSQL role; the password lives sealed in platform.secrets.
    id: '0026_tenant_storage_roles',
    sql: `alter table platform.tenants add column storage_role text;`,
  },
];

/**
 * The core list, then module-only ids in registration order. A module part that shares an id with
 * an earlier one (a table moved out of the core list) joins that migration: one transaction, core
 * part first, so an install that recorded the id never runs any part of it again.
 */
export function platformMigrationPlan(sources: readonly PlatformMigrationSource[]): PlatformMigration[] {
  const parts = new Map<string, string[]>(migrations.map((m) => [m.id, [m.sql]]));
  for (const source of sources) {
    for (const migration of source.platformMigrations ?? []) {
      const existing = parts.get(migration.id);
      if (existing) existing.push(migration.sql);
      else parts.set(migration.id, [migration.sql]);
    }
  }
  return [...parts].map(([id, sqls]) => ({ id, sql: sqls.join(';\n') }));
}

async function assertPlatformTables(admin: pg.ClientBase, sources: readonly PlatformMigrationSource[]) {
  const { rows } = await admin.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = $1`,
    [PLATFORM_SCHEMA],
  );
  const present = new Set(rows.map((row) => row.name));
  for (const source of sources) {
    const missing = (source.platformTables ?? []).filter((table) => !present.has(table));
    if (missing.length > 0)
      throw new Error(`module ${source.name}: platform migrations left no table ${missing.join(', ')}`);
  }
}

/**
 * Applies pending platform migrations (the core's and the modules', see `platformMigrationPlan`) as
 * the owner, under an advisory lock shared by every process.
 */
export async function runPlatformMigrations(
  admin: pg.ClientBase,
  sources: readonly PlatformMigrationSource[] = [],
): Promise<string[]> {
  const applied: string[] = [];
  await admin.query(`select pg_advisory_lock(hashtext('tenantbase:platform-migrate'))`);
  try {
    await admin.query(`create schema if not exists ${PLATFORM_SCHEMA}`);
    await admin.query(
      `create table if not exists platform.migrations (id text primary key, applied_at timestamptz not null default now())`,
    );
    const { rows } = await admin.query<{ id: string }>('select id from platform.migrations');
    const done = new Set(rows.map((row) => row.id));
    for (const migration of platformMigrationPlan(sources)) {
      if (done.has(migration.id)) continue;
      await admin.query('begin');
      try {
        await admin.query(migration.sql);
        await admin.query('insert into platform.migrations (id) values ($1)', [migration.id]);
        await admin.query('commit');
      } catch (error) {
        await admin.query('rollback');
        throw new Error(`platform migration ${migration.id} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(migration.id);
    }
    await assertPlatformTables(admin, sources);
  } finally {
    await admin.query(`select pg_advisory_unlock(hashtext('tenantbase:platform-migrate'))`);
  }
  return applied;
}
