/**
 * Generated from the served OpenAPI document by `npm run generate:api-types`; do not edit.
 * test/openapi/api-types.test.ts fails when it is stale.
 */
export interface paths {
  '/api/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the tenant’s API keys (never their secrets)
     * @description Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; `q` searches the name; sorts `-created_at` (the default), `created_at`, `name`, `-name`, ties by id.
     */
    get: operations['listApiKeys'];
    put?: never;
    /** Create an API key; its secret is shown once */
    post: operations['createApiKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key */
    delete: operations['revokeApiKey'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the tenant’s audit trail */
    get: operations['listAuditEntries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Verify the tenant's audit hash chain (the verdict of `tenantbase audit verify`) */
    get: operations['verifyAuditTrail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/accept-invite': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept an invitation and set a password */
    post: operations['acceptInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/forgot-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mail a password reset link */
    post: operations['requestPasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with email and password */
    post: operations['login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the session of a refresh token */
    post: operations['logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who the token belongs to
     * @description An API key has no account: `user` is null and `api_key` describes the key.
     */
    get: operations['getCurrentPrincipal'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/mfa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the caller’s MFA is off, pending confirmation or on */
    get: operations['getMfaStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/mfa/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm MFA enrolment with a first code */
    post: operations['confirmMfa'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/mfa/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn MFA off */
    post: operations['disableMfa'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/mfa/enroll': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start MFA enrolment (TOTP secret) */
    post: operations['enrollMfa'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Exchange a refresh token for new tokens */
    post: operations['refreshSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password with a reset token */
    post: operations['resetPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign up for a new tenant (mails a verification link) */
    post: operations['signup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/signup/availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether a tenant id can be signed up for */
    get: operations['checkSignupAvailability'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/verify-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify an email address with its token
     * @description A tenant user’s token (`<tenant_id>.<secret>`) verifies their address (200). A signup’s token (`signup_...`) registers the signed-up tenant and answers 202 with its progress; following it again answers the tenant’s current status.
     */
    post: operations['verifyEmail'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/console/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per-tenant request, error and latency totals of this server process */
    get: operations['getConsoleMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/demand': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List daily demand
     * @description By item, then day. Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; cursor pages are keyset pages on (item_id, date).
     */
    get: operations['listDemand'];
    put?: never;
    /** Upsert daily demand rows (JSON or CSV) */
    post: operations['ingestDemand'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/demand/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List items with demand history
     * @description Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; cursor pages are keyset pages on (the sort's value, item_id). With `sort=item_id` (the default) new items never make a cursor walk skip or repeat one; the totals and last dates of other sorts move as demand arrives.
     */
    get: operations['listDemandItems'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/demo-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List demo requests
     * @description Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; `status`, `q` (company name or email), `created_from`, `created_to`; sorts `-created_at` (the default), `created_at`, `name`, `-name` (the company name), `status`, ties by id.
     */
    get: operations['listDemoRequests'];
    put?: never;
    /** Ask for a demo tenant */
    post: operations['createDemoRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/demo-requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a demo request and provision its tenant */
    post: operations['approveDemoRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/demo-requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a demo request */
    post: operations['rejectDemoRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deployments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List deployments */
    get: operations['listDeployments'];
    put?: never;
    /** Create a deployment */
    post: operations['createDeployment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deployments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a deployment */
    get: operations['getDeployment'];
    put?: never;
    post?: never;
    /** Delete a deployment */
    delete: operations['deleteDeployment'];
    options?: never;
    head?: never;
    /** Update a deployment */
    patch: operations['updateDeployment'];
    trace?: never;
  };
  '/api/v1/entries/{type}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List entries of a type (filter[<field>]=, q, sort) */
    get: operations['listEntries'];
    put?: never;
    /** Create an entry */
    post: operations['createEntry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/entries/{type}/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an entry */
    get: operations['getEntry'];
    put?: never;
    post?: never;
    /** Delete an entry */
    delete: operations['deleteEntry'];
    options?: never;
    head?: never;
    /** Update an entry (JSON merge patch of its data, validated whole) */
    patch: operations['updateEntry'];
    trace?: never;
  };
  '/api/v1/entry-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List entry types
     * @description Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; `q` searches key and name; sorts `key` (the default), `-key`, `name`, `-name`, `created_at`, `-created_at`, ties by key.
     */
    get: operations['listEntryTypes'];
    put?: never;
    /** Create an entry type */
    post: operations['createEntryType'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/entry-types/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an entry type */
    get: operations['getEntryType'];
    put?: never;
    post?: never;
    /** Delete an entry type that has no entries */
    delete: operations['deleteEntryType'];
    options?: never;
    head?: never;
    /** Update an entry type (a schema its entries fail is refused with 409) */
    patch: operations['updateEntryType'];
    trace?: never;
  };
  '/api/v1/forecast': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a forecast run (a background job) */
    post: operations['createForecast'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/forecast-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List forecast runs
     * @description Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination, filters `status`, `created_from`, `created_to` and `q`, sorts `-created_at` (the default), `created_at`, `status`, `name` and `-name`. A run has no name: `q` and the name sorts read its `method`.
     */
    get: operations['listForecastRuns'];
    put?: never;
    /** Start a forecast run (the same as POST /forecast) */
    post: operations['createForecastRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/forecast-runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a forecast run */
    get: operations['getForecastRun'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/forecast-runs/{id}/forecasts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a run's forecasts
     * @description By item, then day. Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; cursor pages are keyset pages on (item_id, date).
     */
    get: operations['listRunForecasts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/forecast-runs/{id}/quality': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A run's holdout backtest: MAPE, WAPE, MASE and bias */
    get: operations['getRunQuality'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/inventory/{item_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lead-time demand, safety stock and reorder point of an item */
    get: operations['getInventory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/outbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the development mail outbox
     * @description Newest first; page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination.
     */
    get: operations['listOutboxMail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/admins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List platform administrators with their roles and MFA status
     * @description Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; `q` searches the email; sorts `created_at` (the default), `-created_at`, `name`, `-name` (by email), ties by id.
     */
    get: operations['listPlatformAdmins'];
    put?: never;
    /** Add a platform administrator */
    post: operations['createPlatformAdmin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/admins/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a platform administrator */
    delete: operations['deletePlatformAdmin'];
    options?: never;
    head?: never;
    /** Change a platform administrator’s email, role or password */
    patch: operations['updatePlatformAdmin'];
    trace?: never;
  };
  '/api/v1/platform/database-servers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the database servers a database tenant can be placed on or moved to */
    get: operations['listDatabaseServers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/doctor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Check every isolation invariant against the live databases
     * @description One result per check; answers 200 with the results even when a check fails (`status` is the worst).
     */
    get: operations['runDoctor'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tenant counts by status, tier and isolation, and fleet totals over 24 h */
    get: operations['getFleetSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/tenants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every tenant with users, storage, requests, errors and p95 over 24 h
     * @description Sorted on any column (`-requests_24h` by default; nulls last both ways, then by tenant id). Page (`page`, `per_page`, default 20) or cursor (`cursor`, `limit`) pagination; cursor pages are keyset pages on (the sort column's value, tenant id).
     */
    get: operations['listTenantReports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/tenants.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download the tenant report as CSV (same filters and sort as the list) */
    get: operations['downloadTenantReports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/traffic': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Hourly requests, errors and p95 of one tenant or the fleet, from every process */
    get: operations['getReportTraffic'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/trends': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Daily history (up to 30 days) of one tenant or the fleet */
    get: operations['getReportTrends'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List built-in and custom roles
     * @description Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; `q` searches the name; built-in roles first, then by name, unless `sort` is `name`, `-name`, `created_at` or `-created_at`.
     */
    get: operations['listRoles'];
    put?: never;
    /** Create a custom role */
    post: operations['createRole'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/roles/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a custom role */
    delete: operations['deleteRole'];
    options?: never;
    head?: never;
    /** Change a custom role’s permissions */
    patch: operations['updateRole'];
    trace?: never;
  };
  '/api/v1/tenants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List tenants */
    get: operations['listTenants'];
    put?: never;
    /** Create a tenant (provisioned asynchronously) */
    post: operations['createTenant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a tenant */
    get: operations['getTenant'];
    put?: never;
    post?: never;
    /** Delete a tenant and all its data (asynchronous) */
    delete: operations['deleteTenant'];
    options?: never;
    head?: never;
    /** Change a tenant’s tier, status, features, settings, limits or host names */
    patch: operations['updateTenant'];
    trace?: never;
  };
  '/api/v1/tenants/{id}/activity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The platform’s recent acts on a tenant */
    get: operations['listTenantActivity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/billing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A tenant’s billing customer */
    get: operations['getTenantBilling'];
    /** Set a tenant’s billing customer */
    put: operations['setTenantBilling'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/branding': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a tenant’s branding */
    get: operations['getBranding'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a tenant’s branding */
    patch: operations['updateBranding'];
    trace?: never;
  };
  '/api/v1/tenants/{id}/config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A tenant’s effective features, limits and branding */
    get: operations['getTenantConfig'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start an export of a tenant to an archive */
    post: operations['exportTenant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a tenant’s exports, newest first
     * @description Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination.
     */
    get: operations['listTenantExports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/exports/{export_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an export’s state, or download its archive */
    get: operations['getTenantExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Check a tenant’s storage answers */
    get: operations['getTenantHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import a tenant archive */
    post: operations['importTenant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/move': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move a tenant to another isolation model or database server, keeping its id */
    post: operations['moveTenant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/moves/{move_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a tenant move’s progress */
    get: operations['getTenantMove'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/oidc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get the tenant’s OIDC provider settings */
    get: operations['getOidcConfig'];
    /** Set the tenant’s OIDC provider */
    put: operations['configureOidc'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resume a suspended tenant */
    post: operations['resumeTenant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retry a failed provisioning */
    post: operations['retryTenantProvisioning'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A tenant’s usage: rows, storage, requests */
    get: operations['getTenantStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tenants/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend a tenant (its users are refused) */
    post: operations['suspendTenant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users */
    get: operations['listUsers'];
    put?: never;
    /** Create or invite a user */
    post: operations['createUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a user */
    get: operations['getUser'];
    put?: never;
    post?: never;
    /** Delete a user */
    delete: operations['deleteUser'];
    options?: never;
    head?: never;
    /** Update a user (name, role, status) */
    patch: operations['updateUser'];
    trace?: never;
  };
  '/api/v1/workflows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List workflows */
    get: operations['listWorkflows'];
    put?: never;
    /** Create a workflow */
    post: operations['createWorkflow'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workflows/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a workflow */
    get: operations['getWorkflow'];
    put?: never;
    post?: never;
    /** Delete a workflow */
    delete: operations['deleteWorkflow'];
    options?: never;
    head?: never;
    /** Update a workflow */
    patch: operations['updateWorkflow'];
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** ErrorEnvelope */
    ErrorEnvelope: {
      error: {
        code:
          | 'VALIDATION_FAILED'
          | 'TENANT_REQUIRED'
          | 'UNAUTHENTICATED'
          | 'FORBIDDEN'
          | 'TENANT_MISMATCH'
          | 'TENANT_SUSPENDED'
          | 'FEATURE_DISABLED'
          | 'LIMIT_EXCEEDED'
          | 'NOT_FOUND'
          | 'TENANT_NOT_FOUND'
          | 'CONFLICT'
          | 'RATE_LIMITED'
          | 'INTERNAL'
          | 'UNAVAILABLE';
        /** @description Which input failed validation (VALIDATION_FAILED only). */
        details?: {
          message: string;
          path: string;
        }[];
        /** @description Safe to show; never names another tenant’s data. */
        message: string;
      };
      /** @description Quote it when reporting a problem; it is in the server log. */
      request_id: string;
      /** @enum {boolean} */
      success: false;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listApiKeys: {
    parameters: {
      query?: {
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        /** @description Searches the key's name */
        q?: string;
        sort?: '-created_at' | 'created_at' | 'name' | '-name';
        tenant_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              created_by: string | null;
              /** Format: uuid */
              id: string;
              last_used_at: string | null;
              name: string;
              permissions: string[];
              revoked_at: string | null;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          permissions: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              created_by: string | null;
              /** Format: uuid */
              id: string;
              last_used_at: string | null;
              name: string;
              permissions: string[];
              revoked_at: string | null;
            } & {
              secret: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  revokeApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listAuditEntries: {
    parameters: {
      query?: {
        action?: string;
        actor_id?: string;
        created_from?: string;
        created_to?: string;
        cursor?: string;
        limit?: number;
        page?: number;
        per_page?: number;
        target_id?: string;
        target_type?: string;
        tenant_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              action: string;
              actor_email: string | null;
              actor_id: string | null;
              actor_name: string | null;
              actor_type: string;
              after: unknown;
              before: unknown;
              /** Format: date-time */
              created_at: string;
              hash: string | null;
              /** Format: uuid */
              id: string;
              request_id: string | null;
              seq: number | null;
              target_id: string | null;
              target_type: string;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  verifyAuditTrail: {
    parameters: {
      query?: {
        tenant_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              broken: {
                id: string | null;
                kind: 'edited' | 'deleted' | 'reordered';
                message: string;
                seq: string;
              } | null;
              entries: number;
              head_hash: string | null;
              ok: boolean;
              oldest_unsealed_at: string | null;
              sealed_through: number;
              unsealed: number;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  acceptInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          password: string;
          token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              email: string;
              tenant_id: string | null;
              user_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  requestPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          email: string;
          tenant_id?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              message: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "owner@acme.example",
         *       "password": "correct horse battery",
         *       "tenant_id": "acme"
         *     }
         */
        'application/json': {
          email: string;
          password: string;
          /** @description A one-time recovery code instead of `totp` */
          recovery_code?: string;
          tenant_id?: string;
          /** @description Current code when MFA is on */
          totp?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              access_token: string;
              expires_in: number;
              /** @description REQUIRE_ADMIN_MFA: the access token only opens /auth/mfa/enroll, /auth/mfa/confirm and /auth/me, and there is no refresh token */
              mfa_setup_required?: boolean;
              /** @description Opaque, single use: /auth/refresh spends it and returns the next one */
              refresh_token?: string;
              tenant_id: string | null;
              /** @enum {string} */
              token_type: 'Bearer';
              user: {
                email: string;
                id: string;
                roles: string[];
              };
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          refresh_token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getCurrentPrincipal: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              api_key?: {
                /** Format: date-time */
                created_at: string;
                created_by: string | null;
                /** Format: uuid */
                id: string;
                last_used_at: string | null;
                name: string;
                permissions: string[];
                revoked_at: string | null;
              };
              kind: 'tenant_user' | 'platform_admin' | 'api_key';
              tenant_id: string | null;
              /** @description null for an API key */
              user: {
                email: string;
                id: string;
                roles: string[];
              } | null;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getMfaStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              status: 'off' | 'pending' | 'on';
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  confirmMfa: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          totp: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description Each works once; shown only now */
              recovery_codes: string[];
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  disableMfa: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          recovery_code?: string;
          totp?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  enrollMfa: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description otpauth:// URL for an authenticator app (QR code) */
              otpauth_url: string;
              /** @description Base32 TOTP secret, shown once */
              secret: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  refreshSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          refresh_token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              access_token: string;
              expires_in: number;
              /** @description REQUIRE_ADMIN_MFA: the access token only opens /auth/mfa/enroll, /auth/mfa/confirm and /auth/me, and there is no refresh token */
              mfa_setup_required?: boolean;
              /** @description Opaque, single use: /auth/refresh spends it and returns the next one */
              refresh_token?: string;
              tenant_id: string | null;
              /** @enum {string} */
              token_type: 'Bearer';
              user: {
                email: string;
                id: string;
                roles: string[];
              };
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  resetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          password: string;
          token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              email: string;
              tenant_id: string | null;
              user_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  signup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "tenant_id": "acme",
         *       "company_name": "Acme",
         *       "email": "owner@acme.example",
         *       "password": "choose-a-password"
         *     }
         */
        'application/json': {
          /**
           * Format: business-domain
           * @description a declared business domain: default, dental, manufacturing
           */
          business_domain?: string;
          company_name: string;
          /** Format: email */
          email: string;
          password: string;
          /** @description the new workspace id, a slug: ^[a-z][a-z0-9-]{1,38}[a-z0-9]$ */
          tenant_id: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description `pending_verification` until the mailed link is followed, then the tenant’s own status */
              status: string;
              tenant_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  checkSignupAvailability: {
    parameters: {
      query: {
        tenant_id: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              available: boolean;
              reason: 'invalid' | 'reserved' | 'taken' | null;
              tenant_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  verifyEmail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              email: string;
              tenant_id: string | null;
              user_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description `pending_verification` until the mailed link is followed, then the tenant’s own status */
              status: string;
              tenant_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getConsoleMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              sampled_at: string;
              tenants: {
                /** @description cumulative latency histogram, seconds */
                duration_buckets: {
                  count: number;
                  le: number;
                }[];
                duration_count: number;
                duration_seconds_sum: number;
                /** @description error responses (any error code) */
                errors: number;
                /** @description requests since the process started */
                requests: number;
                /** @description 5xx responses */
                server_errors: number;
                /** @description tenant id, `none` (no tenant) or `other` (folded labels) */
                tenant: string;
              }[];
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listDemand: {
    parameters: {
      query?: {
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description A calendar day, YYYY-MM-DD */
        from?: string;
        item_id?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        tenant_id?: string;
        /** @description A calendar day, YYYY-MM-DD */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              date: string;
              item_id: string;
              units_sold: number;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  ingestDemand: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON rows, or a text/csv body with the header item_id,date,units_sold (up to 1,000,000 rows, 256 MiB) */
    requestBody: {
      content: {
        /**
         * @example {
         *       "rows": [
         *         {
         *           "item_id": "sku-1",
         *           "date": "2026-01-31",
         *           "units_sold": 12
         *         }
         *       ]
         *     }
         */
        'application/json': {
          rows: {
            /**
             * Format: date
             * @description A calendar day, YYYY-MM-DD
             */
            date: string;
            item_id: string;
            units_sold: number;
          }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              inserted: number;
              received: number;
              updated: number;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listDemandItems: {
    parameters: {
      query?: {
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        q?: string;
        sort?: 'item_id' | '-item_id' | 'total_units' | '-total_units' | 'last_date' | '-last_date';
        tenant_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              days: number;
              first_date: string;
              item_id: string;
              last_date: string;
              total_units: number;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listDemoRequests: {
    parameters: {
      query?: {
        created_from?: string;
        created_to?: string;
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        /** @description Searches the company name and the email */
        q?: string;
        sort?: 'created_at' | '-created_at' | 'name' | '-name' | 'status';
        status?: 'pending' | 'approved' | 'rejected';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              business_domain: string;
              company_name: string;
              /** Format: date-time */
              created_at: string;
              decided_at: string | null;
              email: string;
              /** Format: uuid */
              id: string;
              message: string | null;
              reason: string | null;
              status: 'pending' | 'approved' | 'rejected';
              tenant_id: string | null;
              /** Format: date-time */
              updated_at: string;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createDemoRequest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: business-domain
           * @description a declared business domain: default, dental, manufacturing
           */
          business_domain?: string;
          company_name: string;
          /** Format: email */
          email: string;
          message?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              business_domain: string;
              company_name: string;
              /** Format: date-time */
              created_at: string;
              decided_at: string | null;
              email: string;
              /** Format: uuid */
              id: string;
              message: string | null;
              reason: string | null;
              status: 'pending' | 'approved' | 'rejected';
              tenant_id: string | null;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  approveDemoRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          isolation?: 'pool' | 'schema' | 'database';
          /** @description the new tenant id (slug) */
          tenant_id: string;
          tier?: 'standard' | 'premium' | 'enterprise';
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              business_domain: string;
              company_name: string;
              /** Format: date-time */
              created_at: string;
              decided_at: string | null;
              email: string;
              /** Format: uuid */
              id: string;
              message: string | null;
              reason: string | null;
              status: 'pending' | 'approved' | 'rejected';
              tenant: {
                branding: {
                  [key: string]: unknown;
                };
                business_domain: string;
                /** Format: date-time */
                created_at: string;
                feature_overrides: {
                  [key: string]: boolean;
                };
                features: string[];
                hostnames: string[];
                id: string;
                isolation: string;
                limit_overrides: {
                  [key: string]: unknown;
                };
                limits: {
                  [key: string]: unknown;
                };
                name: string;
                placement?: string;
                plan_features?: string[];
                plan_limits?: {
                  [key: string]: unknown;
                };
                provisioning_error: string | null;
                provisioning_step: string | null;
                settings: {
                  [key: string]: unknown;
                };
                status: string;
                tier: string;
                /** Format: date-time */
                updated_at: string;
              };
              tenant_id: string | null;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  rejectDemoRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              business_domain: string;
              company_name: string;
              /** Format: date-time */
              created_at: string;
              decided_at: string | null;
              email: string;
              /** Format: uuid */
              id: string;
              message: string | null;
              reason: string | null;
              status: 'pending' | 'approved' | 'rejected';
              tenant_id: string | null;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listDeployments: {
    parameters: {
      query?: {
        created_from?: string;
        created_to?: string;
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        q?: string;
        sort?: 'created_at' | '-created_at' | 'name' | '-name' | 'status';
        status?: string;
        tenant_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              id: string;
              project_name: string;
              status: 'pending' | 'building' | 'active' | 'failed' | 'stopped';
              tenant_id: string;
              /** Format: date-time */
              updated_at: string;
              url: string | null;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createDeployment: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "project_name": "storefront",
         *       "status": "building",
         *       "url": "https://storefront.acme.example"
         *     }
         */
        'application/json': {
          project_name: string;
          status?: 'pending' | 'building' | 'active' | 'failed' | 'stopped';
          url?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              id: string;
              project_name: string;
              status: 'pending' | 'building' | 'active' | 'failed' | 'stopped';
              tenant_id: string;
              /** Format: date-time */
              updated_at: string;
              url: string | null;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getDeployment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              id: string;
              project_name: string;
              status: 'pending' | 'building' | 'active' | 'failed' | 'stopped';
              tenant_id: string;
              /** Format: date-time */
              updated_at: string;
              url: string | null;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  deleteDeployment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  updateDeployment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          project_name?: string;
          status?: 'pending' | 'building' | 'active' | 'failed' | 'stopped';
          url?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              id: string;
              project_name: string;
              status: 'pending' | 'building' | 'active' | 'failed' | 'stopped';
              tenant_id: string;
              /** Format: date-time */
              updated_at: string;
              url: string | null;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listEntries: {
    parameters: {
      query?: {
        created_from?: string;
        created_to?: string;
        cursor?: string;
        limit?: number;
        page?: number;
        per_page?: number;
        /** @description Up to 10 words; an entry matches when each begins a word of one of its string fields (case-insensitive) */
        q?: string;
        sort?: string;
        tenant_id?: string;
      };
      header?: never;
      path: {
        type: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              created_by: string | null;
              data: {
                [key: string]: unknown;
              };
              /** Format: uuid */
              id: string;
              type: string;
              /** Format: date-time */
              updated_at: string;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createEntry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        type: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "data": {
         *         "name": "Ada Lovelace",
         *         "email": "ada@example.com"
         *       }
         *     }
         */
        'application/json': {
          /** @description The entry's fields, validated against its type's schema */
          data: {
            [key: string]: unknown;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              created_by: string | null;
              data: {
                [key: string]: unknown;
              };
              /** Format: uuid */
              id: string;
              type: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getEntry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        type: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              created_by: string | null;
              data: {
                [key: string]: unknown;
              };
              /** Format: uuid */
              id: string;
              type: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  deleteEntry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        type: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  updateEntry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        type: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description A JSON merge patch (RFC 7396) of the data: null removes a field */
          data: {
            [key: string]: unknown;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              created_by: string | null;
              data: {
                [key: string]: unknown;
              };
              /** Format: uuid */
              id: string;
              type: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listEntryTypes: {
    parameters: {
      query?: {
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        /** @description Searches the type's key and name */
        q?: string;
        sort?: 'key' | '-key' | 'name' | '-name' | 'created_at' | '-created_at';
        tenant_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              entry_count?: number;
              feature: string | null;
              /** @description The key again, as every listed row carries an id */
              id: string;
              key: string;
              name: string;
              schema: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              updated_at: string;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createEntryType: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "key": "vehicles",
         *       "name": "Vehicles",
         *       "schema": {
         *         "type": "object",
         *         "required": [
         *           "plate"
         *         ],
         *         "properties": {
         *           "plate": {
         *             "type": "string"
         *           },
         *           "status": {
         *             "enum": [
         *               "in_service",
         *               "retired"
         *             ]
         *           }
         *         }
         *       }
         *     }
         */
        'application/json': {
          feature?: string | null;
          key: string;
          name: string;
          /** @description JSON Schema (draft 2020-12) of the entries' data; `x-entry-ref: "<type>"` marks a reference */
          schema: {
            /** @enum {string} */
            type: 'object';
          } & {
            [key: string]: unknown;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              entry_count?: number;
              feature: string | null;
              /** @description The key again, as every listed row carries an id */
              id: string;
              key: string;
              name: string;
              schema: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getEntryType: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              entry_count?: number;
              feature: string | null;
              /** @description The key again, as every listed row carries an id */
              id: string;
              key: string;
              name: string;
              schema: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  deleteEntryType: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  updateEntryType: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          feature?: string | null;
          name?: string;
          /** @description JSON Schema (draft 2020-12) of the entries' data; `x-entry-ref: "<type>"` marks a reference */
          schema?: {
            /** @enum {string} */
            type: 'object';
          } & {
            [key: string]: unknown;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              entry_count?: number;
              feature: string | null;
              /** @description The key again, as every listed row carries an id */
              id: string;
              key: string;
              name: string;
              schema: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createForecast: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "horizon_days": 28,
         *       "method": "auto"
         *     }
         */
        'application/json': {
          holdout_days?: number;
          horizon_days: number;
          item_ids?: string[];
          method?: 'auto' | 'seasonal_naive' | 'ets' | 'arima';
          season_length?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              error: string | null;
              finished_at: string | null;
              holdout_days: number;
              horizon_days: number;
              /** Format: uuid */
              id: string;
              item_count: number;
              items_done: number;
              method: string;
              season_length: number;
              started_at: string | null;
              status: 'queued' | 'running' | 'done' | 'failed';
              tenant_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listForecastRuns: {
    parameters: {
      query?: {
        created_from?: string;
        created_to?: string;
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        /** @description Searches the run's `method` */
        q?: string;
        sort?: 'created_at' | '-created_at' | 'name' | '-name' | 'status';
        status?: 'queued' | 'running' | 'done' | 'failed';
        tenant_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              error: string | null;
              finished_at: string | null;
              holdout_days: number;
              horizon_days: number;
              /** Format: uuid */
              id: string;
              item_count: number;
              items_done: number;
              method: string;
              season_length: number;
              started_at: string | null;
              status: 'queued' | 'running' | 'done' | 'failed';
              tenant_id: string;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createForecastRun: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "horizon_days": 28,
         *       "method": "auto"
         *     }
         */
        'application/json': {
          holdout_days?: number;
          horizon_days: number;
          item_ids?: string[];
          method?: 'auto' | 'seasonal_naive' | 'ets' | 'arima';
          season_length?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              error: string | null;
              finished_at: string | null;
              holdout_days: number;
              horizon_days: number;
              /** Format: uuid */
              id: string;
              item_count: number;
              items_done: number;
              method: string;
              season_length: number;
              started_at: string | null;
              status: 'queued' | 'running' | 'done' | 'failed';
              tenant_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getForecastRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              error: string | null;
              finished_at: string | null;
              holdout_days: number;
              horizon_days: number;
              /** Format: uuid */
              id: string;
              item_count: number;
              items_done: number;
              method: string;
              season_length: number;
              started_at: string | null;
              status: 'queued' | 'running' | 'done' | 'failed';
              tenant_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listRunForecasts: {
    parameters: {
      query?: {
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        item_id?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        tenant_id?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              date: string;
              item_id: string;
              lower_80: number;
              lower_95: number;
              method: string;
              units: number;
              upper_80: number;
              upper_95: number;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getRunQuality: {
    parameters: {
      query?: {
        item_id?: string;
        tenant_id?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: {
                bias: number | null;
                holdout_days: number;
                item_id: string;
                mape: number | null;
                mase: number | null;
                method: string;
                wape: number | null;
              }[];
              overall: {
                bias: number | null;
                mape: number | null;
                mase: number | null;
                wape: number | null;
              };
              run_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getInventory: {
    parameters: {
      query?: {
        lead_time_days?: number;
        service_level?: number;
        tenant_id?: string;
      };
      header?: never;
      path: {
        item_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              item_id: string;
              lead_time_days: number;
              lead_time_demand: number;
              method: string;
              reorder_point: number;
              run_id: string;
              safety_stock: number;
              service_level: number;
              sigma_daily: number;
              z: number;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listOutboxMail: {
    parameters: {
      query?: {
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        /** @description only mail to this address */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              id: string;
              kind: string;
              subject: string;
              tenant_id: string | null;
              text: string;
              to: string;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listPlatformAdmins: {
    parameters: {
      query?: {
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        /** @description Searches the email address */
        q?: string;
        sort?: 'created_at' | '-created_at' | 'name' | '-name';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              email: string;
              /** Format: uuid */
              id: string;
              /** @description TOTP: `enabled`, `pending` (enrolment not confirmed) or `off` */
              mfa: 'enabled' | 'pending' | 'off';
              role: 'platform_admin' | 'platform_support' | 'platform_billing';
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createPlatformAdmin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Without `password` the new administrator is mailed a link to choose one. */
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "sam@operator.example",
         *       "role": "platform_support"
         *     }
         */
        'application/json': {
          /** Format: email */
          email: string;
          password?: string;
          role: 'platform_admin' | 'platform_support' | 'platform_billing';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              email: string;
              /** Format: uuid */
              id: string;
              /** @description TOTP: `enabled`, `pending` (enrolment not confirmed) or `off` */
              mfa: 'enabled' | 'pending' | 'off';
              role: 'platform_admin' | 'platform_support' | 'platform_billing';
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  deletePlatformAdmin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  updatePlatformAdmin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email?: string;
          password?: string;
          role?: 'platform_admin' | 'platform_support' | 'platform_billing';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              email: string;
              /** Format: uuid */
              id: string;
              /** @description TOTP: `enabled`, `pending` (enrolment not confirmed) or `off` */
              mfa: 'enabled' | 'pending' | 'off';
              role: 'platform_admin' | 'platform_support' | 'platform_billing';
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listDatabaseServers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              database_tenants: number;
              name: string;
            }[];
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  runDoctor: {
    parameters: {
      query?: {
        /** @description check only this tenant's storages */
        tenant?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              checked_at: string;
              checks: {
                /** @description what holds, or what is broken followed by the fix */
                detail: string;
                /** @description what was checked, prefixed by the storage (`pool`, `schema:<id>`) */
                name: string;
                status: 'ok' | 'warn' | 'fail';
              }[];
              counts: {
                fail: number;
                ok: number;
                warn: number;
              };
              duration_ms: number;
              /** @description the worst status of any check */
              status: 'ok' | 'warn' | 'fail';
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getFleetSummary: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description when the rollup these numbers come from ran; null before the first one */
              as_of: string | null;
              errors_24h: number;
              requests_24h: number;
              storage_bytes: number;
              tenants_by_isolation: {
                [key: string]: number;
              };
              tenants_by_status: {
                [key: string]: number;
              };
              tenants_by_tier: {
                [key: string]: number;
              };
              users: number;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listTenantReports: {
    parameters: {
      query?: {
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        isolation?: 'pool' | 'schema' | 'database';
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        /** @description part of the tenant id or name */
        q?: string;
        sort?:
          | 'tenant_id'
          | '-tenant_id'
          | 'name'
          | '-name'
          | 'tier'
          | '-tier'
          | 'isolation'
          | '-isolation'
          | 'status'
          | '-status'
          | 'users'
          | '-users'
          | 'storage_bytes'
          | '-storage_bytes'
          | 'requests_24h'
          | '-requests_24h'
          | 'errors_24h'
          | '-errors_24h'
          | 'server_errors_24h'
          | '-server_errors_24h'
          | 'p95_ms_24h'
          | '-p95_ms_24h'
          | 'last_active_at'
          | '-last_active_at';
        status?: 'provisioning' | 'active' | 'suspended' | 'failed' | 'deleting' | 'deleted';
        tier?: 'standard' | 'premium' | 'enterprise';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description when the rollup these numbers come from ran; null before the first one */
            as_of: string | null;
            data: {
              /** @description responses with status ≥ 400 */
              errors_24h: number;
              isolation: string;
              last_active_at: string | null;
              name: string;
              p95_ms_24h: number | null;
              requests_24h: number;
              /** @description responses with status ≥ 500 */
              server_errors_24h: number;
              status: string;
              storage_bytes: number;
              tenant_id: string;
              tier: string;
              users: number;
            }[];
            pagination: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  downloadTenantReports: {
    parameters: {
      query?: {
        isolation?: 'pool' | 'schema' | 'database';
        /** @description part of the tenant id or name */
        q?: string;
        sort?:
          | 'tenant_id'
          | '-tenant_id'
          | 'name'
          | '-name'
          | 'tier'
          | '-tier'
          | 'isolation'
          | '-isolation'
          | 'status'
          | '-status'
          | 'users'
          | '-users'
          | 'storage_bytes'
          | '-storage_bytes'
          | 'requests_24h'
          | '-requests_24h'
          | 'errors_24h'
          | '-errors_24h'
          | 'server_errors_24h'
          | '-server_errors_24h'
          | 'p95_ms_24h'
          | '-p95_ms_24h'
          | 'last_active_at'
          | '-last_active_at';
        status?: 'provisioning' | 'active' | 'suspended' | 'failed' | 'deleting' | 'deleted';
        tier?: 'standard' | 'premium' | 'enterprise';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getReportTraffic: {
    parameters: {
      query?: {
        hours?: number;
        tenant?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              hours: {
                errors: number;
                /** Format: date-time */
                hour: string;
                p95_ms: number | null;
                requests: number;
                server_errors: number;
              }[];
              latency_bounds_ms: number[];
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getReportTrends: {
    parameters: {
      query?: {
        days?: number;
        /** @description one tenant; the fleet without */
        tenant?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description when the rollup these numbers come from ran; null before the first one */
              as_of: string | null;
              days: {
                /** @description tenants with at least one request that day */
                active_tenants: number;
                /** Format: date */
                day: string;
                errors: number;
                /** @description one tenant's p95; the fleet's highest */
                p95_ms: number | null;
                requests: number;
                storage_bytes: number;
                /** @description tenants with a row that day */
                tenants: number;
                users: number;
              }[];
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listRoles: {
    parameters: {
      query?: {
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        /** @description Searches the role's name */
        q?: string;
        sort?: 'name' | '-name' | 'created_at' | '-created_at';
        tenant_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              built_in: boolean;
              /** Format: date-time */
              created_at: string;
              id: string;
              name: string;
              permissions: string[];
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createRole: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description lowercase slug, 2-40 characters */
          name: string;
          permissions: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              built_in: boolean;
              /** Format: date-time */
              created_at: string;
              id: string;
              name: string;
              permissions: string[];
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  deleteRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  updateRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description lowercase slug, 2-40 characters */
          name?: string;
          permissions?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              built_in: boolean;
              /** Format: date-time */
              created_at: string;
              id: string;
              name: string;
              permissions: string[];
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listTenants: {
    parameters: {
      query?: {
        created_from?: string;
        created_to?: string;
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        /** @description Searches the tenant's name */
        q?: string;
        sort?: 'created_at' | '-created_at' | 'name' | '-name' | 'status';
        status?: 'provisioning' | 'active' | 'suspended' | 'failed' | 'deleting' | 'deleted';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              branding: {
                [key: string]: unknown;
              };
              business_domain: string;
              /** Format: date-time */
              created_at: string;
              feature_overrides: {
                [key: string]: boolean;
              };
              features: string[];
              hostnames: string[];
              id: string;
              isolation: string;
              limit_overrides: {
                [key: string]: unknown;
              };
              limits: {
                [key: string]: unknown;
              };
              name: string;
              placement?: string;
              plan_features?: string[];
              plan_limits?: {
                [key: string]: unknown;
              };
              provisioning_error: string | null;
              provisioning_step: string | null;
              settings: {
                [key: string]: unknown;
              };
              status: string;
              tier: string;
              /** Format: date-time */
              updated_at: string;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createTenant: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "acme",
         *       "name": "Acme Dental",
         *       "tier": "premium",
         *       "isolation": "schema",
         *       "admin_email": "owner@acme.example"
         *     }
         */
        'application/json': {
          /** Format: email */
          admin_email: string;
          admin_password?: string;
          /**
           * Format: business-domain
           * @description a declared business domain: default, dental, manufacturing
           */
          business_domain?: string;
          /** @description slug: ^[a-z][a-z0-9-]{1,38}[a-z0-9]$ */
          id: string;
          isolation?: 'pool' | 'schema' | 'database';
          name: string;
          placement?: string;
          tier?: 'standard' | 'premium' | 'enterprise';
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              branding: {
                [key: string]: unknown;
              };
              business_domain: string;
              /** Format: date-time */
              created_at: string;
              feature_overrides: {
                [key: string]: boolean;
              };
              features: string[];
              hostnames: string[];
              id: string;
              isolation: string;
              limit_overrides: {
                [key: string]: unknown;
              };
              limits: {
                [key: string]: unknown;
              };
              name: string;
              placement?: string;
              plan_features?: string[];
              plan_limits?: {
                [key: string]: unknown;
              };
              provisioning_error: string | null;
              provisioning_step: string | null;
              settings: {
                [key: string]: unknown;
              };
              status: string;
              tier: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              branding: {
                [key: string]: unknown;
              };
              business_domain: string;
              /** Format: date-time */
              created_at: string;
              feature_overrides: {
                [key: string]: boolean;
              };
              features: string[];
              hostnames: string[];
              id: string;
              isolation: string;
              limit_overrides: {
                [key: string]: unknown;
              };
              limits: {
                [key: string]: unknown;
              };
              name: string;
              placement?: string;
              plan_features?: string[];
              plan_limits?: {
                [key: string]: unknown;
              };
              provisioning_error: string | null;
              provisioning_step: string | null;
              settings: {
                [key: string]: unknown;
              };
              status: string;
              tier: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  deleteTenant: {
    parameters: {
      query?: {
        /** @description the tenant id again */
        confirm?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              branding: {
                [key: string]: unknown;
              };
              business_domain: string;
              /** Format: date-time */
              created_at: string;
              feature_overrides: {
                [key: string]: boolean;
              };
              features: string[];
              hostnames: string[];
              id: string;
              isolation: string;
              limit_overrides: {
                [key: string]: unknown;
              };
              limits: {
                [key: string]: unknown;
              };
              name: string;
              placement?: string;
              plan_features?: string[];
              plan_limits?: {
                [key: string]: unknown;
              };
              provisioning_error: string | null;
              provisioning_step: string | null;
              settings: {
                [key: string]: unknown;
              };
              status: string;
              tier: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  updateTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: business-domain
           * @description a declared business domain: default, dental, manufacturing
           */
          business_domain?: string;
          /** @description Merged into the stored overrides key by key: true switches a feature on, false off, null drops the override (the tier and domain default applies again); keys not sent stay as they are, so `{}` changes nothing. To replace the whole set send `features`. */
          feature_overrides?: {
            [key: string]: boolean | null;
          };
          /** @description The effective feature set wanted, whole: stored as the overrides that differ from the tier and business domain defaults (on for a wanted key the defaults lack, off for a default key not wanted); every other override is dropped. Not with `feature_overrides`. */
          features?: string[];
          /** @description Replaces the custom host names: lowercase DNS names, each owned by one tenant. */
          hostnames?: string[];
          /** @description Replaces every override at once; a null limit means unlimited, a missing key the tier default. */
          limit_overrides?: {
            api_per_minute?: number | null;
            creates_per_hour?: {
              [key: string]: number | null;
            };
            max_users?: number | null;
            storage_bytes?: number | null;
          };
          name?: string;
          settings?: {
            contact_info?: {
              address?: string;
              /** Format: email */
              email?: string;
              phone?: string;
              /** Format: uri */
              website?: string;
            } | null;
            gst_number?: string | null;
          } & {
            [key: string]: string | null;
          };
          /** @description Suspends or resumes the tenant, exactly as POST /suspend and /resume (audited the same); a status the lifecycle does not lead to from the current one is 409. */
          status?: 'active' | 'suspended';
          tier?: 'standard' | 'premium' | 'enterprise';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              branding: {
                [key: string]: unknown;
              };
              business_domain: string;
              /** Format: date-time */
              created_at: string;
              feature_overrides: {
                [key: string]: boolean;
              };
              features: string[];
              hostnames: string[];
              id: string;
              isolation: string;
              limit_overrides: {
                [key: string]: unknown;
              };
              limits: {
                [key: string]: unknown;
              };
              name: string;
              placement?: string;
              plan_features?: string[];
              plan_limits?: {
                [key: string]: unknown;
              };
              provisioning_error: string | null;
              provisioning_step: string | null;
              settings: {
                [key: string]: unknown;
              };
              status: string;
              tier: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listTenantActivity: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              action: string;
              actor_email: string | null;
              actor_id: string | null;
              actor_type: string;
              /** Format: date-time */
              created_at: string;
              details: unknown;
              id: string;
              target_id: string | null;
              target_type: string | null;
            }[];
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getTenantBilling: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              customer_id: string | null;
              provider: string | null;
              tenant_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  setTenantBilling: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "provider": "stripe",
         *       "customer_id": "cus_NffrFeUfNV2Hib"
         *     }
         */
        'application/json': {
          /** @description e.g. `cus_NffrFeUfNV2Hib` */
          customer_id: string;
          /** @description e.g. `stripe` */
          provider: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              customer_id: string | null;
              provider: string | null;
              tenant_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getBranding: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              company_name: string;
              logo_url: string | null;
              primary_color: string | null;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  updateBranding: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          company_name?: string;
          /** Format: uri */
          logo_url?: string | null;
          primary_color?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              company_name: string;
              logo_url: string | null;
              primary_color: string | null;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getTenantConfig: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              branding: {
                company_name: string;
                logo_url: string | null;
                primary_color: string | null;
              };
              business_domain: string;
              contact_info: {
                [key: string]: unknown;
              } | null;
              features: string[];
              gst_number: string | null;
              hostnames: string[];
              is_active: boolean;
              limits: {
                [key: string]: unknown;
              };
              name: string;
              settings: {
                [key: string]: unknown;
              };
              status: string;
              tenant_id: string;
              tier: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  exportTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              completed_at: string | null;
              /** Format: date-time */
              created_at: string;
              download_url: string | null;
              error: string | null;
              /** Format: uuid */
              id: string;
              sha256: string | null;
              size_bytes: number | null;
              status: 'running' | 'done' | 'failed';
              tables:
                | {
                    name: string;
                    rows: number;
                    sha256: string;
                  }[]
                | null;
              tenant_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listTenantExports: {
    parameters: {
      query?: {
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              completed_at: string | null;
              /** Format: date-time */
              created_at: string;
              download_url: string | null;
              error: string | null;
              /** Format: uuid */
              id: string;
              sha256: string | null;
              size_bytes: number | null;
              status: 'running' | 'done' | 'failed';
              tables:
                | {
                    name: string;
                    rows: number;
                    sha256: string;
                  }[]
                | null;
              tenant_id: string;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getTenantExport: {
    parameters: {
      query?: {
        download?: '1' | 'true' | '0' | 'false';
      };
      header?: never;
      path: {
        export_id: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              completed_at: string | null;
              /** Format: date-time */
              created_at: string;
              download_url: string | null;
              error: string | null;
              /** Format: uuid */
              id: string;
              sha256: string | null;
              size_bytes: number | null;
              status: 'running' | 'done' | 'failed';
              tables:
                | {
                    name: string;
                    rows: number;
                    sha256: string;
                  }[]
                | null;
              tenant_id: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getTenantHealth: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  importTenant: {
    parameters: {
      query?: {
        isolation?: 'pool' | 'schema' | 'database';
        name?: string;
        placement?: string;
        tier?: 'standard' | 'premium' | 'enterprise';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              created: boolean;
              rows: number;
              tables: {
                [key: string]: number;
              };
              tenant: {
                branding: {
                  [key: string]: unknown;
                };
                business_domain: string;
                /** Format: date-time */
                created_at: string;
                feature_overrides: {
                  [key: string]: boolean;
                };
                features: string[];
                hostnames: string[];
                id: string;
                isolation: string;
                limit_overrides: {
                  [key: string]: unknown;
                };
                limits: {
                  [key: string]: unknown;
                };
                name: string;
                placement?: string;
                plan_features?: string[];
                plan_limits?: {
                  [key: string]: unknown;
                };
                provisioning_error: string | null;
                provisioning_step: string | null;
                settings: {
                  [key: string]: unknown;
                };
                status: string;
                tier: string;
                /** Format: date-time */
                updated_at: string;
              };
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  moveTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "isolation": "database"
         *     }
         */
        'application/json': {
          isolation?: 'pool' | 'schema' | 'database';
          placement?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              error: string | null;
              finished_at: string | null;
              from: {
                isolation: string;
                placement: string;
              };
              /** Format: uuid */
              id: string;
              rows_copied: number;
              started_at: string | null;
              status: 'queued' | 'copying' | 'verifying' | 'cutover' | 'done' | 'failed';
              tenant_id: string;
              to: {
                isolation: string;
                placement: string;
              };
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getTenantMove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        move_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              error: string | null;
              finished_at: string | null;
              from: {
                isolation: string;
                placement: string;
              };
              /** Format: uuid */
              id: string;
              rows_copied: number;
              started_at: string | null;
              status: 'queued' | 'copying' | 'verifying' | 'cutover' | 'done' | 'failed';
              tenant_id: string;
              to: {
                isolation: string;
                placement: string;
              };
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getOidcConfig: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              audience: string;
              /** Format: date-time */
              created_at: string;
              default_role: string | null;
              enabled: boolean;
              issuer: string;
              jwks_url: string;
              role_mapping: {
                [key: string]: string;
              };
              roles_claim: string | null;
              tenant_claim: string | null;
              tenant_claim_value: string;
              tenant_id: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  configureOidc: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          audience: string;
          default_role?: string;
          enabled: boolean;
          /** @description Exactly the `iss` of the tokens; https to a public host. */
          issuer: string;
          /** @description https to a public host; fetched with a 3 s timeout and a 256 KiB bound. */
          jwks_url: string;
          /** @description External role or group value → tenant role name. */
          role_mapping?: {
            [key: string]: string;
          };
          roles_claim?: string;
          tenant_claim?: string;
          tenant_claim_value?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              audience: string;
              /** Format: date-time */
              created_at: string;
              default_role: string | null;
              enabled: boolean;
              issuer: string;
              jwks_url: string;
              role_mapping: {
                [key: string]: string;
              };
              roles_claim: string | null;
              tenant_claim: string | null;
              tenant_claim_value: string;
              tenant_id: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  resumeTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              branding: {
                [key: string]: unknown;
              };
              business_domain: string;
              /** Format: date-time */
              created_at: string;
              feature_overrides: {
                [key: string]: boolean;
              };
              features: string[];
              hostnames: string[];
              id: string;
              isolation: string;
              limit_overrides: {
                [key: string]: unknown;
              };
              limits: {
                [key: string]: unknown;
              };
              name: string;
              placement?: string;
              plan_features?: string[];
              plan_limits?: {
                [key: string]: unknown;
              };
              provisioning_error: string | null;
              provisioning_step: string | null;
              settings: {
                [key: string]: unknown;
              };
              status: string;
              tier: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  retryTenantProvisioning: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              branding: {
                [key: string]: unknown;
              };
              business_domain: string;
              /** Format: date-time */
              created_at: string;
              feature_overrides: {
                [key: string]: boolean;
              };
              features: string[];
              hostnames: string[];
              id: string;
              isolation: string;
              limit_overrides: {
                [key: string]: unknown;
              };
              limits: {
                [key: string]: unknown;
              };
              name: string;
              placement?: string;
              plan_features?: string[];
              plan_limits?: {
                [key: string]: unknown;
              };
              provisioning_error: string | null;
              provisioning_step: string | null;
              settings: {
                [key: string]: unknown;
              };
              status: string;
              tier: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getTenantStats: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  suspendTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              branding: {
                [key: string]: unknown;
              };
              business_domain: string;
              /** Format: date-time */
              created_at: string;
              feature_overrides: {
                [key: string]: boolean;
              };
              features: string[];
              hostnames: string[];
              id: string;
              isolation: string;
              limit_overrides: {
                [key: string]: unknown;
              };
              limits: {
                [key: string]: unknown;
              };
              name: string;
              placement?: string;
              plan_features?: string[];
              plan_limits?: {
                [key: string]: unknown;
              };
              provisioning_error: string | null;
              provisioning_step: string | null;
              settings: {
                [key: string]: unknown;
              };
              status: string;
              tier: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: {
        created_from?: string;
        created_to?: string;
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        q?: string;
        sort?: 'created_at' | '-created_at' | 'name' | '-name' | 'status';
        status?: string;
        tenant_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              department: string | null;
              email: string;
              email_verified_at: string | null;
              /** Format: uuid */
              id: string;
              job_title: string | null;
              name: string | null;
              roles: string[];
              status: 'active' | 'invited' | 'disabled';
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Without `password` the user is invited by mail and sets one. */
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "dana@acme.example",
         *       "role": "member"
         *     }
         */
        'application/json': {
          department?: string | null;
          /** Format: email */
          email: string;
          job_title?: string | null;
          name?: string | null;
          password?: string;
          role: 'member' | 'owner' | 'admin' | 'viewer' | string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              department: string | null;
              email: string;
              email_verified_at: string | null;
              /** Format: uuid */
              id: string;
              job_title: string | null;
              name: string | null;
              roles: string[];
              status: 'active' | 'invited' | 'disabled';
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              department: string | null;
              email: string;
              email_verified_at: string | null;
              /** Format: uuid */
              id: string;
              job_title: string | null;
              name: string | null;
              roles: string[];
              status: 'active' | 'invited' | 'disabled';
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  deleteUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  updateUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          department?: string | null;
          job_title?: string | null;
          name?: string | null;
          roles?: ('member' | 'owner' | 'admin' | 'viewer' | string)[];
          status?: 'active' | 'disabled';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** Format: date-time */
              created_at: string;
              department: string | null;
              email: string;
              email_verified_at: string | null;
              /** Format: uuid */
              id: string;
              job_title: string | null;
              name: string | null;
              roles: string[];
              status: 'active' | 'invited' | 'disabled';
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  listWorkflows: {
    parameters: {
      query?: {
        created_from?: string;
        created_to?: string;
        /** @description The previous page's `pagination.cursor` (opaque) */
        cursor?: string;
        /** @description Rows per cursor page (20) */
        limit?: number;
        page?: number;
        per_page?: number;
        q?: string;
        sort?: 'created_at' | '-created_at' | 'name' | '-name' | 'status';
        status?: string;
        tenant_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description free-form JSON object */
              config: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              id: string;
              name: string;
              status: 'active' | 'paused' | 'disabled';
              tenant_id: string;
              /** Format: date-time */
              updated_at: string;
            }[];
            pagination?: {
              [key: string]: unknown;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  createWorkflow: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description free-form JSON object */
          config?: {
            [key: string]: unknown;
          };
          name: string;
          status?: 'active' | 'paused' | 'disabled';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description free-form JSON object */
              config: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              id: string;
              name: string;
              status: 'active' | 'paused' | 'disabled';
              tenant_id: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  getWorkflow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description free-form JSON object */
              config: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              id: string;
              name: string;
              status: 'active' | 'paused' | 'disabled';
              tenant_id: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  deleteWorkflow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  updateWorkflow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description free-form JSON object */
          config?: {
            [key: string]: unknown;
          };
          name?: string;
          status?: 'active' | 'paused' | 'disabled';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description free-form JSON object */
              config: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              id: string;
              name: string;
              status: 'active' | 'paused' | 'disabled';
              tenant_id: string;
              /** Format: date-time */
              updated_at: string;
            };
            /** @enum {boolean} */
            success: true;
            tenant_id?: string;
          };
        };
      };
      /** @description VALIDATION_FAILED (details name the fields) or TENANT_REQUIRED (no tenant could be resolved). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: missing, expired or revoked token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN (role lacks the permission), TENANT_MISMATCH, TENANT_SUSPENDED, FEATURE_DISABLED or LIMIT_EXCEEDED. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND, or TENANT_NOT_FOUND; a row of another tenant looks missing too. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT with the current state (duplicate key, state change). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: the `Retry-After` header says when to retry. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL: exposes nothing; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAVAILABLE: a dependency is briefly down or the tenant is moving; honour `Retry-After`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
}
