import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, listEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { toTenantView } from '../tenants/tenant-view.js';
import { approveDemoRequest } from './approve-demo-request.js';
import { createDemoRequest } from './create-demo-request.js';
import { toDemoRequest } from './demo-request-view.js';
import {
  ApprovedDemoRequest,
  ApproveDemoRequestBody,
  CreateDemoRequestBody,
  DemoRequest,
  DemoRequestListQuery,
  DemoRequestParams,
  RejectDemoRequestBody,
} from './demo-requests.schema.js';
import { findDemoRequests } from './find-demo-requests.js';
import { limitDemoRequests } from './limit-demo-requests.js';
import { rejectDemoRequest } from './reject-demo-request.js';

const tags = ['demo-requests'];

/** Seed 002: anyone asks for a demo; platform administrators list, approve or reject. */
export function demoRequestRoutes(app: TenantRoutes, services: AppServices): void {
  const db = services.tenancy.platformDb;

  app.post(
    '/demo-requests',
    {
      schema: {
        summary: 'Ask for a demo tenant',
        operationId: 'createDemoRequest',
        tags,
        body: CreateDemoRequestBody,
        response: { 201: dataEnvelope(DemoRequest) },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const body = request.body;
      await limitDemoRequests(services.rateLimits, { address: request.ip, email: body.email });
      const row = await createDemoRequest(db, body);
      return sendData(reply, toDemoRequest(row), { status: 201 });
    },
  );

  app.get(
    '/demo-requests',
    {
      schema: {
        summary: 'List demo requests',
        description:
          'Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; `status`, `q` (company name ' +
          'or email), `created_from`, `created_to`; sorts `-created_at` (the default), `created_at`, ' +
          '`name`, `-name` (the company name), `status`, ties by id.',
        operationId: 'listDemoRequests',
        tags,
        querystring: DemoRequestListQuery,
        response: { 200: listEnvelope(DemoRequest) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const page = await findDemoRequests(db, request.query);
      return sendData(reply, page.rows.map(toDemoRequest), { pagination: page.pagination });
    },
  );

  app.post(
    '/demo-requests/:id/approve',
    {
      schema: {
        summary: 'Approve a demo request and provision its tenant',
        operationId: 'approveDemoRequest',
        tags,
        params: DemoRequestParams,
        body: ApproveDemoRequestBody,
        response: { 202: dataEnvelope(ApprovedDemoRequest) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const { id } = request.params;
      const approved = await approveDemoRequest(services.tenancy, id, request.body);
      // 202: the tenant it became is still provisioning; its status tells the progress.
      return sendData(
        reply,
        {
          ...toDemoRequest(approved.request),
          tenant: toTenantView(approved.tenant, { platformAdmin: true }),
        },
        { status: 202 },
      );
    },
  );

  app.post(
    '/demo-requests/:id/reject',
    {
      schema: {
        summary: 'Reject a demo request',
        operationId: 'rejectDemoRequest',
        tags,
        params: DemoRequestParams,
        body: RejectDemoRequestBody,
        response: { 200: dataEnvelope(DemoRequest) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const { id } = request.params;
      const row = await rejectDemoRequest(db, id, request.body?.reason);
      return sendData(reply, toDemoRequest(row));
    },
  );
}
