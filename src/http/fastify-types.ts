import type { Principal } from '../identity/access-tokens.js';
import type { Permission } from '../identity/permissions.js';
import type { OpenPolicy } from '../tenancy/open-tenant.js';
import type { TenantRecord } from '../tenancy/registry/tenant-record.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `none` (default): platform route; `required`: a tenant must resolve; `optional`: used when one
     * does; `tenant-users`: a platform route for platform staff (any tenant, whatever its status)
     * and `required` for every other caller (the tenant record routes, `/tenants/{id}/...`).
     */
    tenant?: 'none' | 'required' | 'optional' | 'tenant-users';
    /** The `:id` path parameter names the tenant (`/tenants/{id}/...`): one more source that must agree. */
    tenantFromPath?: boolean;
    /** How the resolved tenant opens for a caller that is not platform staff (default `request`). */
    tenantPolicy?: OpenPolicy;
    /** Routes anyone may call without a token. */
    public?: boolean;
    /** Permission a tenant user needs (platform administrators hold all inside a tenant). */
    permission?: Permission;
    /** Only platform administrators may call it. */
    platformAdmin?: boolean;
    /** Open to an MFA-setup token (REQUIRE_ADMIN_MFA), which every other route refuses. */
    mfaSetup?: boolean;
    /** Feature that must be on for the tenant; module routes get their module's by default. */
    feature?: string | null;
    /**
     * The feature the addressed row names (an entry type's), when it has one. Consulted only when
     * the permission check refuses, so the refusal is the feature's if it is off; an allowed
     * request checks the row's feature in its handler, and pays no lookup here.
     */
    featureOf?: (request: FastifyRequest, tenant: TenantRecord) => Promise<string | null>;
    /** The request body's `tenant_id` may name the tenant (login, signup, password reset). */
    tenantFromBody?: boolean;
    /** Creation quota this route consumes (rate limits arrive with the protection issue). */
    quota?: string;
    /** GET route whose answers may be served from the tenant cache. */
    cache?: boolean;
    /** A bearer METRICS_TOKEN or INTERNAL_TOKEN is checked by the route, not verified as a JWT. */
    scrapeToken?: boolean;
    /**
     * Path parameters before the row's own that name a row of another collection, e.g.
     * `{ type: '/entry-types' }` on `/entries/:type/:id`: the isolation suites fill them from it.
     */
    parentParams?: Readonly<Record<string, string>>;
    /** The module that registered the route (set automatically). */
    module?: string;
  }
  interface FastifyReply {
    /** The error code (src/errors.ts) of an error response, for metrics. */
    errorCode: string | null;
  }
  interface FastifyRequest {
    principal: Principal | null;
    tenant: TenantRecord | null;
  }
}
