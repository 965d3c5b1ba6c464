/**
 * The API's objects, taken from the types generated from the OpenAPI document (generated.ts), so
 * a change of a response on the server is a type error here. Where the document only says "an
 * object" (limits, stats, pagination) the console states the fields it reads.
 */
import type { components, operations } from './generated';

type Json<Op extends keyof operations> = operations[Op]['responses'] extends { 200: infer R }
  ? R extends { content: { 'application/json': infer J } }
    ? J
    : never
  : never;
/** The `data` of an operation's 200 answer. */
type DataOf<Op extends keyof operations> = Json<Op> extends { data: infer D } ? D : never;
/** One item of a list operation's `data`. */
type ItemOf<Op extends keyof operations> = DataOf<Op> extends readonly (infer I)[] ? I : never;

/**
 * A runtime list of a generated union's values (forms need them): a value missing from the list,
 * or one the server does not know, fails the type check.
 */
const valuesOf =
  <T extends string>() =>
  <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : never)): L =>
    values;

export type Deployment = DataOf<'getDeployment'>;
export type Workflow = DataOf<'getWorkflow'>;

export const DEPLOYMENT_STATUSES = valuesOf<Deployment['status']>()([
  'pending',
  'building',
  'active',
  'failed',
  'stopped',
]);
export const WORKFLOW_STATUSES = valuesOf<Workflow['status']>()(['active', 'paused', 'disabled']);
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

/** Every feature key: the modules' and the business domains' own (tenancy/tiers.ts). */
export const FEATURE_CATALOGUE: Record<string, string[]> = {
  Modules: ['deployments', 'workflows', 'entries', 'forecasting'],
  Dental: ['patient_management', 'treatment_tracking', 'dental_supplies'],
  Manufacturing: ['bom_management', 'production_tracking', 'material_management'],
};

/** How people name each feature: acronyms stay capitals ("BOM management", not "Bom management"). */
export const FEATURE_NAMES: Record<string, string> = {
  deployments: 'Deployments',
  workflows: 'Workflows',
  entries: 'Entries',
  forecasting: 'Demand forecasting',
  patient_management: 'Patient management',
  treatment_tracking: 'Treatment tracking',
  dental_supplies: 'Dental supplies',
  bom_management: 'BOM management',
  production_tracking: 'Production tracking',
  material_management: 'Material management',
};

/** What each feature key switches on, for the features page. */
export const FEATURE_DESCRIPTIONS: Record<string, string> = {
  deployments: 'Deployments: the project deployments list and API (/deployments)',
  workflows: 'Workflows: automation definitions (/workflows)',
  entries: 'Entries: custom record types with a JSON Schema and their records (/entries)',
  forecasting: 'Demand forecasting (/demand, /forecast)',
  patient_management: 'The Patients entry type: contact details, birth date, allergies',
  treatment_tracking: 'The Treatments entry type: patient, FDI tooth, procedure code, date, cost',
  dental_supplies: 'The Dental supplies entry type: SKU, quantity, reorder level, expiry',
  bom_management: 'The Bills of materials entry type: components and quantities',
  production_tracking: 'The Production orders entry type: BOM, quantity, status, due date',
  material_management: 'The Materials entry type: SKU, unit, stock, supplier',
};

export type EntryType = DataOf<'getEntryType'>;
export type Entry = DataOf<'getEntry'>;

export type Branding = DataOf<'getBranding'>;

/** The document types `limits` as an open map; these are the keys tenancy/tiers.ts fills in. */
export interface Limits {
  max_users: number | null;
  storage_bytes: number | null;
  api_per_minute: number | null;
  creates_per_hour?: Record<string, number | null>;
}

export type Tenant = Omit<DataOf<'getTenant'>, 'branding' | 'limits' | 'limit_overrides'> & {
  branding: Partial<Branding>;
  limits: Limits;
  limit_overrides: Partial<Limits>;
};

export interface StatusCounts {
  total: number;
  by_status: Record<string, number>;
}

/** The document types the stats as an open object; these are the fields get-tenant-stats.ts sends. */
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

export type User = DataOf<'getUser'>;
export type Role = ItemOf<'listRoles'>;
export type ApiKey = ItemOf<'listApiKeys'>;
export type AuditEntry = ItemOf<'listAuditEntries'>;
export type OutboxMail = ItemOf<'listOutboxMail'>;
export type DemoRequest = ItemOf<'listDemoRequests'>;
export type TenantMove = DataOf<'getTenantMove'>;
export type DatabaseServer = ItemOf<'listDatabaseServers'>;
/** Every error answer's body. */
export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];

/** `pagination` of a page-numbered list (the document types it as an open object). */
export interface PagePagination {
  page: number;
  per_page: number;
  total: number;
  total_pages: number;
  has_next: boolean;
  has_prev: boolean;
}

/** `pagination` of a cursor list. */
export interface CursorPagination {
  cursor: string | null;
  has_next: boolean;
}

export type DoctorReport = DataOf<'runDoctor'>;
export type TenantReport = ItemOf<'listTenantReports'>;
export type FleetSummary = DataOf<'getFleetSummary'>;
export type ReportTrends = DataOf<'getReportTrends'>;
export type ReportTraffic = DataOf<'getReportTraffic'>;
export type TenantExport = ItemOf<'listTenantExports'>;
export type PlatformActivity = ItemOf<'listTenantActivity'>;
