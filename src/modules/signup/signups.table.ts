import type { ColumnType } from 'kysely';
import type { PlatformMigration } from '../../db/platform-migrations.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

declare module '../../db/platform-database.js' {
  interface PlatformDatabase {
    /**
     * Self-service signups waiting for their address to be verified: outside the tenant registry,
     * so an unverified id never becomes a tombstone. One row per tenant id; the password is argon2id
     * and the mailed token only a SHA-256 (the application role cannot read `password_hash` back).
     */
    'platform.signups': {
      tenant_id: string;
      company_name: string;
      email: string;
      business_domain: string;
      password_hash: string;
      token_hash: string;
      created_at: Timestamp;
      expires_at: Timestamp;
      /** Set when the link was followed: the row then only answers the link's progress questions. */
      verified_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
    };
  }
}

/** How long an unverified signup holds its tenant id. */
export const SIGNUP_TTL_SECONDS = 48 * 3600;

export const signupPlatformMigrations: PlatformMigration[] = [
  {
    id: 'signup.0001_signups',
    sql: `
      create table platform.signups (
        tenant_id text primary key,
        company_name text not null,
        email text not null,
        business_domain text not null default 'default',
        password_hash text not null,
        token_hash text not null unique,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        verified_at timestamptz
      );
      create index signups_expires_idx on platform.signups (expires_at);`,
  },
];
