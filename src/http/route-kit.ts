/**
 * All a module's routes take from the HTTP edge. It imports nothing of the app (no module, no
 * composition root), so route files depending on it cannot close an import cycle.
 */
import './fastify-types.js';

export { dataEnvelope, listEnvelope, sendData, sendNoContent } from './envelope.js';
export { inTenant } from './in-tenant.js';
export { namedTenants, refuseOtherTenants, stringField, tenantFromHost } from './request-hints.js';
export { type TenantRoutes, typedRoutes } from './tenant-routes.js';
