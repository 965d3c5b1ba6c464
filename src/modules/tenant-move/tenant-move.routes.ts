import { Type } from '@sinclair/typebox';
import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import { TenantIdParams } from '../tenants/tenants.schema.js';
import { getTenantMove } from './get-tenant-move.js';
import { startTenantMove } from './start-tenant-move.js';
import { listDatabaseServers } from './list-database-servers.js';
import {
  DatabaseServerView,
  MoveParams,
  MoveTenantBody,
  TenantMove,
  toMoveView,
} from './tenant-move.schema.js';

const tags = ['tenants'];

/** Moving a tenant between isolation models and servers (a background job); platform administrators only. */
export async function tenantMoveRoutes(app: TenantRoutes, services: AppServices): Promise<void> {
  app.post(
    '/tenants/:id/move',
    {
      schema: {
        summary: 'Move a tenant to another isolation model or database server, keeping its id',
        operationId: 'moveTenant',
        tags,
        params: TenantIdParams,
        body: MoveTenantBody,
        response: { 202: dataEnvelope(TenantMove) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const row = await startTenantMove(services.tenancy, request.params.id, request.body);
      return sendData(reply, toMoveView(row), { status: 202 });
    },
  );

  app.get(
    '/tenants/:id/moves/:move_id',
    {
      schema: {
        summary: 'Get a tenant move’s progress',
        operationId: 'getTenantMove',
        tags,
        params: MoveParams,
        response: { 200: dataEnvelope(TenantMove) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const row = await getTenantMove(services.tenancy.platformDb, request.params.id, request.params.move_id);
      return sendData(reply, toMoveView(row));
    },
  );

  app.get(
    '/platform/database-servers',
    {
      schema: {
        summary: 'List the database servers a database tenant can be placed on or moved to',
        operationId: 'listDatabaseServers',
        tags: ['platform'],
        response: { 200: dataEnvelope(Type.Array(DatabaseServerView)) },
      },
      config: { platformAdmin: true },
    },
    async (_request, reply) => sendData(reply, await listDatabaseServers(services.tenancy)),
  );
}
