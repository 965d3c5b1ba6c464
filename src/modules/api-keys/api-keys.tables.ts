import type { ColumnType } from 'kysely';
import { tenantRowSecurity, type TenantMigration } from '../../tenancy/migrations/tenant-migration.js';

type Timestamp = ColumnType<Date, Date, Date>;

declare module '../../tenancy/tenant-database.js' {
  interface TenantDatabase {
    api_keys: {
      tenant_id: string;
      id: string;
      name: string;
      /** SHA-256 of the secret: a 256-bit random secret needs no slow hash, only no plaintext. */
      secret_hash: string;
      permissions: string[];
      created_by: string | null;
      created_at: Timestamp;
      last_used_at: Date | null;
      revoked_at: Date | null;
    };
  }
}

export const apiKeyMigrations: TenantMigration[] = [
  {
    id: '0001_api_keys',
    up: (s) => `
      create table ${s}.api_keys (
        tenant_id text not null,
        id uuid not null,
        name text not null,
        secret_hash text not null,
        permissions text[] not null,
        created_by text,
        created_at timestamptz not null,
        last_used_at timestamptz,
        revoked_at timestamptz,
        primary key (tenant_id, id)
      );
      create index api_keys_created_idx on ${s}.api_keys (tenant_id, created_at desc, id desc);
      ${tenantRowSecurity(s, 'api_keys')}`,
  },
];
