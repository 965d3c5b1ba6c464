import { Type } from '@sinclair/typebox';
import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, inTenant, listEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { findPlatformActors, findTenantActors } from './audit-actors.js';
import { toAuditEntry } from './audit-entry-row.js';
import { toAuditVerdict } from './audit-verdict.js';
import { AuditEntry, AuditQuery, AuditVerdict } from './audit.schema.js';
import { findAuditEntries } from './find-audit-entries.js';
import { platformActivityRoutes } from './platform-activity.routes.js';
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
      const { page, users } = await inTenant(request, services, async (scope) => {
        const found = await findAuditEntries(scope, request.query);
        return { page: found, users: await findTenantActors(scope, found.rows) };
      });
      // A tenant's administrators see that the platform acted, not which of its staff did.
      const admins =
        request.principal?.kind === 'platform_admin'
          ? await findPlatformActors(services.tenancy.platformDb, page.rows)
          : new Map();
      const people = { tenant_user: users, platform_admin: admins };
      return sendData(
        reply,
        page.rows.map((row) => toAuditEntry(row, people)),
        { pagination: page.pagination },
      );
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

  platformActivityRoutes(app, services);
}
