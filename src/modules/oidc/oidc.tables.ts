import type { ColumnType } from 'kysely';
import { tenantRowSecurity, type TenantMigration } from '../../tenancy/migrations/tenant-migration.js';

type Timestamp = ColumnType<Date, Date, Date>;

declare module '../../tenancy/tenant-database.js' {
  interface TenantDatabase {
    /**
     * Which tenant user an identity provider's (issuer, subject) is. Users are found through
     * this link and never through their email, which the provider lets people change.
     */
    external_identities: {
      tenant_id: string;
      issuer: string;
      subject: string;
      user_id: string;
      /** The email claim last seen, kept for support even when the user's own address differs. */
      email: string | null;
      created_at: Timestamp;
      last_seen_at: Timestamp;
    };
  }
}

export const oidcMigrations: TenantMigration[] = [
  {
    id: '0001_external_identities',
    up: (s) => `
      create table ${s}.external_identities (
        tenant_id text not null,
        issuer text not null,
        subject text not null,
        user_id uuid not null,
        email text,
        created_at timestamptz not null,
        last_seen_at timestamptz not null,
        primary key (tenant_id, issuer, subject),
        foreign key (tenant_id, user_id) references ${s}.users (tenant_id, id) on delete cascade
      );
      create index external_identities_user_idx on ${s}.external_identities (tenant_id, user_id);
      ${tenantRowSecurity(s, 'external_identities')}`,
  },
];
