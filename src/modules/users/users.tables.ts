import type { ColumnType } from 'kysely';
import { tenantRowSecurity, type TenantMigration } from '../../tenancy/migrations/tenant-migration.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

export const TOKEN_PURPOSES = ['invitation', 'password_reset', 'email_verification'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

declare module '../../tenancy/tenant-database.js' {
  interface TenantDatabase {
    /** Single-use tokens mailed to a user; only a SHA-256 of the token is kept. */
    user_tokens: {
      tenant_id: string;
      id: string;
      user_id: string;
      purpose: TokenPurpose;
      token_hash: string;
      expires_at: Timestamp;
      used_at: MaybeTimestamp;
      created_at: Timestamp;
    };
    /** The address a user proved they read, and when; a changed email is unverified again. */
    email_verifications: {
      tenant_id: string;
      user_id: string;
      email: string;
      verified_at: Timestamp;
    };
  }
}

/** The users module's own tables; the users themselves belong to the identity module. */
export const userMigrations: TenantMigration[] = [
  {
    id: '0001_user_tokens_email_verifications',
    up: (s) => `
      create table ${s}.user_tokens (
        tenant_id text not null,
        id uuid not null,
        user_id uuid not null,
        purpose text not null check (purpose in (${TOKEN_PURPOSES.map((p) => `'${p}'`).join(',')})),
        token_hash text not null,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_at timestamptz not null,
        primary key (tenant_id, id),
        unique (tenant_id, token_hash),
        foreign key (tenant_id, user_id) references ${s}.users (tenant_id, id) on delete cascade
      );
      create index user_tokens_user_idx on ${s}.user_tokens (tenant_id, user_id, purpose);
      create table ${s}.email_verifications (
        tenant_id text not null,
        user_id uuid not null,
        email text not null,
        verified_at timestamptz not null,
        primary key (tenant_id, user_id),
        foreign key (tenant_id, user_id) references ${s}.users (tenant_id, id) on delete cascade
      );
      ${tenantRowSecurity(s, 'user_tokens')}
      ${tenantRowSecurity(s, 'email_verifications')}`,
  },
];
