import type { ColumnType, Selectable } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { PlatformMigration } from '../../db/platform-migrations.js';

declare module '../../db/platform-database.js' {
  interface PlatformDatabase {
    /**
     * A tenant's external identity provider (platform migration 0007). It lives in the platform
     * database, not in tenant storage, because a token's `iss` must find its tenant before any
     * tenant is known; `issuer` is unique so one issuer can never sign users into two tenants.
     */
    'platform.oidc_providers': {
      tenant_id: string;
      issuer: string;
      jwks_url: string;
      audience: string;
      tenant_claim: string | null;
      tenant_claim_value: string | null;
      roles_claim: string | null;
      role_mapping: ColumnType<Record<string, string>, string, string>;
      default_role: string | null;
      enabled: boolean;
      created_at: ColumnType<Date, Date, never>;
      updated_at: Date;
    };
  }
}

export type OidcProviderRow = Selectable<PlatformDatabase['platform.oidc_providers']>;

/** Shipped as the core's migration 0007; the id stays so installs that applied it skip it. */
export const oidcPlatformMigrations: PlatformMigration[] = [
  {
    // `issuer` is unique so a token's `iss` finds exactly one tenant; rows go with their tenant.
    id: '0007_oidc_providers',
    sql: `
      create table platform.oidc_providers (
        tenant_id text primary key references platform.tenants (id) on delete cascade,
        issuer text not null,
        jwks_url text not null,
        audience text not null,
        tenant_claim text,
        tenant_claim_value text,
        roles_claim text,
        role_mapping jsonb not null default '{}',
        default_role text,
        enabled boolean not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint oidc_providers_issuer_key unique (issuer)
      );`,
  },
];
