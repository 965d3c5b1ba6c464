import { Type } from '@sinclair/typebox';
import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, inTenant, listEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { toAuditEntry } from './audit-entry-row.js';
import { toAuditVerdict } from './audit-verdict.js';
import { AuditEntry, AuditQuery, AuditVerdict } from './audit.schema.js';
import { findAuditEntries } from './find-audit-entries.js';
import { verifyAuditChain } from './verify-audit-chain.js';

const tags = ['audit'];

/** `GET /audit`: the tenant's own trail, for its administrators (and platform administrators, audited). */
export function auditRoutes(app: TenantRoutes, services: AppServices): void {
  app.get(
    '/audit',
    {
      schema: {
        summary: 'List the tenant’s audit trail',
        operationId: 'listAuditEntries',
        tags,
        querystring: AuditQuery,
        response: { 200: listEnvelope(AuditEntry) },
      },
      config: { tenant: 'required', permission: 'audit:read' },
    },
    async (request, reply) => {
      const page = await inTenant(request, services, (scope) => findAuditEntries(scope, request.query));
      return sendData(reply, page.rows.map(toAuditEntry), { pagination: page.pagination });
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: "Verify the tenant's audit hash chain (the verdict of `tenantbase audit verify`)",
        operationId: 'verifyAuditTrail',
        querystring: Type.Object(
          { tenant_id: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: { 200: dataEnvelope(AuditVerdict) },
      },
      config: { tenant: 'required', permission: 'audit:read' },
    },
    async (request, reply) => {
      const report = await inTenant(request, services, (scope) => verifyAuditChain(scope));
      return sendData(reply, toAuditVerdict(report));
    },
  );
}
