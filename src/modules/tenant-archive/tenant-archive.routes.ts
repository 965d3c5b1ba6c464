import { Type } from '@sinclair/typebox';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../errors.js';
import type { AppServices } from '../../app/app-services.js';
import {
  dataEnvelope,
  listEnvelope,
  sendData,
  type TenantRoutes,
  typedRoutes,
} from '../../http/route-kit.js';
import { getTenant } from '../tenants/get-tenant.js';
import { toTenantView } from '../tenants/tenant-view.js';
import { Tenant, TenantIdParams } from '../tenants/tenants.schema.js';
import { ARCHIVE_CONTENT_TYPE } from './archive-format.js';
import { exportFilePath } from './export-files.js';
import { exportTenant } from './export-tenant.js';
import { findTenantExports } from './find-tenant-exports.js';
import { getTenantExport } from './get-tenant-export.js';
import { importTenant } from './import-tenant.js';
import { ARCHIVE_BODY_LIMIT, ArchiveUpload, receiveArchiveUploads } from './receive-archive-upload.js';
import {
  ExportListQuery,
  ExportParams,
  ExportQuery,
  ImportQuery,
  TenantExport,
  toExportView,
} from './tenant-archive.schema.js';
import type { TenantExportRow } from './tenant-exports.table.js';

const tags = ['tenants'];

const wantsFile = (request: FastifyRequest, download: string | undefined): boolean => {
  if (download !== undefined) return download === '1' || download === 'true';
  return /application\/(x-)?gzip/.test(request.headers.accept ?? '');
};

async function sendArchive(reply: FastifyReply, services: AppServices, row: TenantExportRow) {
  if (row.status !== 'done' || !row.file_name) {
    throw new AppError(
      'CONFLICT',
      row.status === 'failed' ? 'The export failed' : 'The export is still running',
    );
  }
  const file = exportFilePath(services.config.dataDir, row.file_name);
  const found = await stat(file).catch(() => undefined);
  if (!found) throw notFound('Archive file'); // DATA_DIR/exports is not shared with the process that wrote it
  const stamp = row.created_at.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return reply
    .header('Content-Type', ARCHIVE_CONTENT_TYPE)
    .header('Content-Length', String(found.size))
    .header('Content-Disposition', `attachment; filename="tenantbase-${row.tenant_id}-${stamp}.jsonl.gz"`)
    .header('Cache-Control', 'no-store')
    .send(createReadStream(file));
}

/** Export (a background job) and import of tenant archives; platform administrators only. */
export async function tenantArchiveRoutes(app: TenantRoutes, services: AppServices): Promise<void> {
  app.post(
    '/tenants/:id/export',
    {
      schema: {
        summary: 'Start an export of a tenant to an archive',
        operationId: 'exportTenant',
        tags,
        params: TenantIdParams,
        response: { 202: dataEnvelope(TenantExport) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const row = await exportTenant(services.tenancy, request.params.id);
      return sendData(reply, toExportView(row), { status: 202 });
    },
  );

  app.get(
    '/tenants/:id/exports',
    {
      schema: {
        summary: 'List a tenant’s exports, newest first',
        description: 'Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination.',
        operationId: 'listTenantExports',
        tags,
        params: TenantIdParams,
        querystring: ExportListQuery,
        response: { 200: listEnvelope(TenantExport) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const tenant = await getTenant(services.tenancy, request.principal!, request.params.id);
      const page = await findTenantExports(services.tenancy.platformDb, tenant, request.query);
      return sendData(reply, page.rows.map(toExportView), { pagination: page.pagination });
    },
  );

  app.get(
    '/tenants/:id/exports/:export_id',
    {
      schema: {
        summary: 'Get an export’s state, or download its archive',
        operationId: 'getTenantExport',
        tags,
        params: ExportParams,
        querystring: ExportQuery,
        response: { 200: dataEnvelope(TenantExport) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const params = request.params;
      const row = await getTenantExport(services.tenancy.platformDb, params.id, params.export_id);
      if (wantsFile(request, request.query.download)) return sendArchive(reply, services, row);
      return sendData(reply, toExportView(row));
    },
  );

  // Its own context: only this route takes archive bodies, and a 1 GiB limit.
  await app.register(async (context) => {
    const imports = typedRoutes(context);
    receiveArchiveUploads(imports, path.join(services.config.dataDir, 'imports'));
    imports.post(
      '/tenants/:id/import',
      {
        bodyLimit: ARCHIVE_BODY_LIMIT,
        schema: {
          summary: 'Import a tenant archive',
          operationId: 'importTenant',
          tags,
          params: TenantIdParams,
          querystring: ImportQuery,
          response: {
            201: dataEnvelope(
              Type.Object({
                tenant: Tenant,
                created: Type.Boolean(),
                tables: Type.Record(Type.String(), Type.Integer()),
                rows: Type.Integer(),
              }),
            ),
          },
        },
        config: { platformAdmin: true },
      },
      async (request, reply) => {
        if (!(request.body instanceof ArchiveUpload)) {
          throw new AppError(
            'VALIDATION_FAILED',
            'Send the archive as the request body with Content-Type: application/gzip',
          );
        }
        const result = await importTenant(services, request.params.id, request.body.file, request.query);
        return sendData(
          reply,
          { ...result, tenant: toTenantView(result.tenant, { platformAdmin: true }) },
          { status: 201 },
        );
      },
    );
  });
}
