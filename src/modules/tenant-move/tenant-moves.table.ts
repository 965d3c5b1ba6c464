import type { ColumnType, Selectable } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { PlatformMigration } from '../../db/platform-migrations.js';

/** Where a move stands; `cutover` means the registry already names the new storage. */
export const MOVE_STATUSES = ['queued', 'copying', 'verifying', 'cutover', 'done', 'failed'] as const;
export type MoveStatus = (typeof MOVE_STATUSES)[number];

declare module '../../db/platform-database.js' {
  interface PlatformDatabase {
    /** One move of one tenant between storages, keeping its id (platform migration 0024). */
    'platform.tenant_moves': {
      id: string;
      tenant_id: string;
      from_isolation: string;
      from_placement: string;
      to_isolation: string;
      to_placement: string;
      status: MoveStatus;
      /** bigint: pg hands it back as a string. */
      rows_copied: ColumnType<string, number | undefined, number>;
      error: string | null;
      requested_by: string | null;
      created_at: ColumnType<Date, Date | undefined, never>;
      started_at: Date | null;
      finished_at: Date | null;
    };
  }
}

export type TenantMoveRow = Selectable<PlatformDatabase['platform.tenant_moves']>;

/**
 * The moves, the write freezes every process reads (src/tenancy/tenant-write-freezes.ts) and the
 * statement trigger function that fences a pool tenant's rows while it moves out of the pool.
 */
export const tenantMovePlatformMigrations: PlatformMigration[] = [
  {
    id: '0024_tenant_moves',
    sql: `
      create table platform.tenant_moves (
        id uuid primary key,
        tenant_id text not null references platform.tenants (id) on delete cascade,
        from_isolation text not null,
        from_placement text not null,
        to_isolation text not null,
        to_placement text not null,
        status text not null check (status in (${MOVE_STATUSES.map((s) => `'${s}'`).join(',')})),
        rows_copied bigint not null default 0,
        error text,
        requested_by text,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      create index tenant_moves_tenant_idx on platform.tenant_moves (tenant_id, created_at desc);
      create unique index tenant_moves_one_running on platform.tenant_moves (tenant_id)
        where status not in ('done', 'failed');
      create table platform.tenant_write_freezes (
        tenant_id text primary key references platform.tenants (id) on delete cascade,
        move_id uuid not null,
        source_isolation text not null,
        thawed boolean not null default false,
        created_at timestamptz not null default now()
      );
      create function platform.tenantbase_refuse_frozen_write() returns trigger language plpgsql as $fn$
      begin
        if current_setting('tenantbase.move_copy', true) is distinct from 'on' and exists (
          select 1 from platform.tenant_write_freezes
           where tenant_id = current_setting('tenantbase.tenant_id', true) and source_isolation = 'pool'
        ) then
          raise exception 'tenantbase: this tenant is frozen for a move' using errcode = '42501';
        end if;
        return null;
      end $fn$;`,
  },
];
