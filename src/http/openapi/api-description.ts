/** What an integrator needs before the first call; the opening text of /docs. */
export const API_DESCRIPTION = `Multi-tenant SaaS API. Every tenant's data is isolated (shared tables with row-level security, a schema, or a database per tenant); the API is the same in all three.

## Authentication
Send \`Authorization: Bearer <token>\`. \`POST /api/v1/auth/login\` returns an access token (a short-lived JWT) and a refresh token (\`POST /api/v1/auth/refresh\`). An API key (\`POST /api/v1/api-keys\`) is sent the same way. Routes marked without a lock are public.

## Tenant resolution
A tenant route finds its tenant, in this order, from the token's tenant claim, the \`X-Tenant-ID\` header, the host name (\`<tenant>.<BASE_DOMAIN>\` or a registered hostname) or \`?tenant_id=\`. A source naming another tenant than the token's is 403 \`TENANT_MISMATCH\`; a suspended tenant is 403 \`TENANT_SUSPENDED\`. Responses carry \`X-Tenant-ID\`, \`X-Request-ID\` and \`X-RateLimit-Limit/Remaining/Reset\`.

## Envelope
Success: \`{"success": true, "data": ..., "tenant_id": "..."}\` (lists add \`pagination\`). Error: \`{"success": false, "error": {"code", "message", "details"?}, "request_id"}\` with one of a closed list of codes (schema \`ErrorEnvelope\`); \`VALIDATION_FAILED\` lists the failing fields in \`details\`. 429 and 503 carry \`Retry-After\`. Checks run in this order: authentication, tenant resolution, tenant status, feature, permission, rate limit.

## Pagination
Lists take \`page\` and \`per_page\` (at most 100) and answer \`pagination: {page, per_page, total, total_pages, has_next, has_prev}\`; or \`limit\` and \`cursor\` (pass back the \`cursor\` of the previous answer) and answer \`pagination: {cursor, limit, has_next}\`. Filters: \`status\`, \`q\`, \`created_from\`, \`created_to\`; \`sort\` is a field name, \`-\` first for descending.

\`/api/...\` is an alias of \`/api/v1/...\`.`;
