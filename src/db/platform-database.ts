import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface TenantsTable {
  id: string;
  name: string;
  status: string;
  provisioning_step: string | null;
  provisioning_error: string | null;
  tier: string;
  isolation: string;
  placement: string;
  business_domain: string;
  feature_overrides: Json<Record<string, boolean>>;
  branding: Json<Record<string, string | null>>;
  settings: Json<Record<string, unknown>>;
  limit_overrides: Json<Record<string, unknown>>;
  /** The tenant's own PostgreSQL role once provisioned (its password, if any, is in platform.secrets). */
  storage_role: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlatformDatabase {
  'platform.jobs': JobsTable;
  'platform.storage_migrations': { storage: string; migration_id: string; applied_at: Generated<Date> };
  'platform.tenants': TenantsTable;
  'platform.tenant_hostnames': { hostname: string; tenant_id: string };
  'platform.platform_admins': {
    id: string;
    email: string;
    password_hash: string;
    /** `platform_admin`, `platform_support` or `platform_billing` (identity/platform-roles.ts). */
    role: ColumnType<string, string | undefined, string>;
    created_at: Generated<Date>;
  };
  'platform.signing_keys': {
    kid: string;
    alg: string;
    public_jwk: Json<Record<string, unknown>>;
    private_jwk: Json<Record<string, unknown>>;
    created_at: Generated<Date>;
    retired_at: Date | null;
    /** Published in JWKS at once, signs only from this time on (key rotation). */
    activates_at: ColumnType<Date, Date | string | undefined, Date | string>;
  };
  'platform.refresh_tokens': RefreshTokensTable;
  'platform.admin_mfa': AdminMfaTable;
  /** An account's tokens with a lower `gen` claim are refused; '' is the platform's tenant_id. */
  'platform.token_generations': {
    tenant_id: string;
    subject: string;
    /** bigint from platform.token_generation_seq: pg hands it back as a string. */
    generation: string;
    changed_at: Generated<Date>;
  };
  'platform.platform_audit': {
    id: Generated<string>;
    actor_type: string;
    actor_id: string | null;
    action: string;
    target_type: string | null;
    target_id: string | null;
    tenant_id: string | null;
    request_id: string | null;
    details: Json<unknown> | null;
    created_at: Generated<Date>;
  };
}

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  tenant_id: string | null;
  payload: Json<Record<string, unknown>>;
  status: Generated<string>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_by: string | null;
  locked_until: Date | null;
  /** Fencing token of the current claim (migration 0010). */
  lease_token: string | null;
  last_error: string | null;
  result: Json<unknown> | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** One opaque refresh token (only its SHA-256 is kept); rotation adds a row to the same family. */
export interface RefreshTokensTable {
  token_hash: string;
  family_id: string;
  subject: string;
  kind: 'platform_admin' | 'tenant_user';
  tenant_id: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** A platform administrator's TOTP enrolment; recovery codes are SHA-256 hashes. */
export interface AdminMfaTable {
  admin_id: string;
  secret: string;
  status: 'pending' | 'active';
  recovery_codes: string[];
  /** bigint: pg hands it back as a string. */
  last_used_step: ColumnType<string | null, number | null, number | null>;
  enabled_at: Date | null;
  created_at: Generated<Date>;
}
