import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app/app-services.js';
import { inTenant, listEnvelope, sendData } from '../../http/route-kit.js';
import { toAuditEntry } from './audit-entry-row.js';
import { AuditEntry, AuditQuery } from './audit.schema.js';
import { findAuditEntries } from './find-audit-entries.js';

const tags = ['audit'];

/** `GET /audit`: the tenant's own trail, for its administrators (and platform administrators, audited). */
export function auditRoutes(app: FastifyInstance, services: AppServices): void {
  app.get(
    '/audit',
    {
      schema: { tags, querystring: AuditQuery, response: { 200: listEnvelope(AuditEntry) } },
      config: { tenant: 'required', permission: 'audit:read' },
    },
    async (request, reply) => {
      const page = await inTenant(request, services, (scope) =>
        findAuditEntries(scope, request.query as AuditQuery),
      );
      return sendData(reply, page.rows.map(toAuditEntry), { pagination: page.pagination });
    },
  );
}
