/** The API's objects as SPEC §5 names them; the console reads only these fields. */

export const DEPLOYMENT_STATUSES = ['pending', 'building', 'active', 'failed', 'stopped'] as const;
export const WORKFLOW_STATUSES = ['active', 'paused', 'disabled'] as const;
export const TIERS = ['standard', 'premium', 'enterprise'] as const;
export const ISOLATIONS = ['pool', 'schema', 'database'] as const;
export const BUSINESS_DOMAINS = ['default', 'dental', 'manufacturing'] as const;
export const TENANT_STATUSES = [
  'provisioning',
  'active',
  'suspended',
  'failed',
  'deleting',
  'deleted',
] as const;

/**
 * The permission catalogue tenant roles may hold, from the server's own file (framework-free, no
 * imports) so a permission added there shows up in the role and API-key forms without a copy.
 */
export { PERMISSIONS } from '../../../src/identity/permissions';

/** Every feature key SPEC §3 names: the modules and the business domains' own. */
export const FEATURE_CATALOGUE: Record<string, string[]> = {
  Modules: ['deployments', 'workflows', 'entries', 'forecasting'],
  Dental: ['patient_management', 'treatment_tracking', 'dental_supplies'],
  Manufacturing: ['bom_management', 'production_tracking', 'material_management'],
};

export interface Deployment {
  id: string;
  tenant_id: string;
  project_name: string;
  status: string;
  url: string | null;
  created_at: string;
  updated_at: string;
}

export interface Workflow {
  id: string;
  tenant_id: string;
  name: string;
  status: string;
  config: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface Branding {
  company_name?: string | null;
  primary_color?: string | null;
  logo_url?: string | null;
}

export interface Limits {
  max_users: number | null;
  storage_bytes: number | null;
  api_per_minute: number | null;
  creates_per_hour?: Record<string, number | null>;
}

export interface Tenant {
  id: string;
  name: string;
  status: string;
  provisioning_step: string | null;
  provisioning_error: string | null;
  tier: string;
  isolation: string;
  placement?: string;
  business_domain: string;
  features: string[];
  feature_overrides: Record<string, boolean>;
  branding: Branding;
  settings: Record<string, unknown>;
  hostnames: string[];
  limits: Limits;
  limit_overrides: Partial<Limits>;
  created_at: string;
  updated_at: string;
}

export interface StatusCounts {
  total: number;
  by_status: Record<string, number>;
}

export interface TenantStats {
  tenant_id: string;
  deployments: StatusCounts;
  workflows: StatusCounts;
  usage: {
    users: { used: number; limit: number | null };
    api_per_minute?: { limit: number | null };
    storage_bytes?: { used?: number; limit: number | null };
  };
}

export interface User {
  id: string;
  email: string;
  roles: string[];
  status: string;
  created_at: string;
}

export interface Role {
  id: string;
  name: string;
  permissions: string[];
  built_in: boolean;
  created_at: string;
}

export interface ApiKey {
  id: string;
  name: string;
  permissions: string[];
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEntry {
  id: string;
  seq: number;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  request_id: string | null;
  before: unknown;
  after: unknown;
  created_at: string;
}

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  tenant_id: string | null;
  created_at: string;
}

export interface DemoRequest {
  id: string;
  company_name: string;
  email: string;
  business_domain?: string;
  message?: string | null;
  status: string;
  tenant_id?: string | null;
  created_at: string;
}

export interface PagePagination {
  page: number;
  per_page: number;
  total: number;
  total_pages: number;
  has_next: boolean;
  has_prev: boolean;
}

export interface CursorPagination {
  cursor: string | null;
  has_next: boolean;
}
