import type { ColumnType, Selectable } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';

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
