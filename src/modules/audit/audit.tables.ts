import type { ColumnType } from 'kysely';
import { tenantRowSecurity, type TenantMigration } from '../../tenancy/migrations/tenant-migration.js';

declare module '../../tenancy/tenant-database.js' {
  interface TenantDatabase {
    audit_log: {
      tenant_id: string;
      id: string;
      /**
       * Position in the tenant's hash chain, from 1; a bigint, so it reads as a string. Null while
       * the entry waits in the unsealed tail (see seal-audit-tail.ts).
       */
      seq: ColumnType<string | null, string | null | undefined, string | null>;
      actor_type: string;
      actor_id: string | null;
      action: string;
      target_type: string;
      target_id: string | null;
      request_id: string | null;
      before: ColumnType<unknown, string | null, string | null>;
      after: ColumnType<unknown, string | null, string | null>;
      created_at: ColumnType<Date, Date | string, Date | string>;
      /** Null only on entries written before the chain existed, until the next write seals them. */
      prev_hash: string | null;
      hash: string | null;
      /** When the sealer chained the entry; not covered by the hash, it only measures sealing lag. */
      sealed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
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
  {
    // Existing entries keep their order as seq; hashes are added by the next write (seal-legacy-audit.ts).
    // Forced row-level security would hide every row from an owner that is not superuser, so it is
    // lifted for the backfill only, inside the migration's transaction.
    id: '0002_hash_chain',
    up: (s) => `
      alter table ${s}.audit_log add column seq bigint, add column prev_hash text, add column hash text;
      alter table ${s}.audit_log no force row level security;
      update ${s}.audit_log as entry set seq = ordered.n
        from (
          select tenant_id, id, row_number() over (partition by tenant_id order by created_at, id) as n
          from ${s}.audit_log
        ) as ordered
        where entry.tenant_id = ordered.tenant_id and entry.id = ordered.id;
      alter table ${s}.audit_log force row level security;
      alter table ${s}.audit_log alter column seq set not null;
      create unique index audit_log_seq_idx on ${s}.audit_log (tenant_id, seq);`,
  },
  {
    // Writers append without a chain lock: an entry gets its seq and hash from the sealer, after
    // its transaction committed. The partial index finds that unsealed tail, oldest first.
    id: '0003_unsealed_tail',
    up: (s) => `
      alter table ${s}.audit_log alter column seq drop not null, add column sealed_at timestamptz;
      create index audit_log_unsealed_idx on ${s}.audit_log (tenant_id, created_at, id) where seq is null;`,
  },
  {
    // The unsealed tail has no seq: keeping its entries out of the unique seq index spares every
    // audited write one index entry (the sealer adds the real one). Same guarantee: a seq is
    // unique per tenant once given, which is what refuses a forked chain.
    id: '0004_sealed_seq_index',
    up: (s) => `
      create unique index audit_log_sealed_seq_idx on ${s}.audit_log (tenant_id, seq) where seq is not null;
      drop index ${s}.audit_log_seq_idx;`,
  },
];
