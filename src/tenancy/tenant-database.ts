/**
 * The tables that live in tenant storage. Each module adds its own by declaration merging
 * (`declare module '.../tenant-database.js' { interface TenantDatabase { ... } }`), so the
 * tenancy layer never imports a module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TenantDatabase {}

/** Where the tenant-scoped setting that row-level security reads is kept. */
export const TENANT_SETTING = 'tenantbase.tenant_id';
