import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppServices } from '../../app/app-services.js';
import {
  dataEnvelope,
  inTenant,
  listEnvelope,
  sendData,
  sendNoContent,
  type TenantRoutes,
} from '../../http/route-kit.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { countEntries } from './count-entries.js';
import { createEntryType } from './create-entry-type.js';
import { deleteEntryType } from './delete-entry-type.js';
import { CreateEntryTypeBody, EntryType, TypeKeyParams, UpdateEntryTypeBody } from './entries.schema.js';
import { toEntryType } from './entry-rows.js';
import { ensureDomainTypes } from './ensure-domain-types.js';
import type { EntryTypeCache } from './entry-type-cache.js';
import { TypeListQuery } from './entry-type-list-query.js';
import { findEntryTypes } from './find-entry-types.js';
import { getEntryType } from './get-entry-type.js';
import { updateEntryType } from './update-entry-type.js';

const tags = ['entries'];
/** Runs entries work after the tenant's business-domain presets are in place. */
export function inEntriesTenant<T>(
  request: FastifyRequest,
  services: AppServices,
  work: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  return ensureDomainTypes(services.tenancy, request.tenant!).then(() => inTenant(request, services, work));
}

/** `/entry-types`: the tenant's entry types and their JSON Schemas, managed by its administrators. */
export function entryTypeRoutes(app: TenantRoutes, services: AppServices, types: EntryTypeCache): void {
  app.get(
    '/entry-types',
    {
      schema: {
        summary: 'List entry types',
        description:
          'Page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination; `q` searches key and name; ' +
          'sorts `key` (the default), `-key`, `name`, `-name`, `created_at`, `-created_at`, ties by key.',
        operationId: 'listEntryTypes',
        tags,
        querystring: TypeListQuery,
        response: { 200: listEnvelope(EntryType) },
      },
      config: { tenant: 'required', permission: 'entries:read' },
    },
    async (request, reply) => {
      const page = await inEntriesTenant(request, services, (scope) => findEntryTypes(scope, request.query));
      return sendData(
        reply,
        page.rows.map((row) => toEntryType(row)),
        { pagination: page.pagination },
      );
    },
  );

  app.post(
    '/entry-types',
    {
      schema: {
        summary: 'Create an entry type',
        operationId: 'createEntryType',
        tags,
        body: CreateEntryTypeBody,
        response: { 201: dataEnvelope(EntryType) },
      },
      config: { tenant: 'required', permission: 'entry_types:manage' },
    },
    async (request, reply) => {
      const row = await inEntriesTenant(request, services, (scope) => createEntryType(scope, request.body));
      return sendData(reply, toEntryType(row, 0), { status: 201 });
    },
  );

  app.get(
    '/entry-types/:key',
    {
      schema: {
        summary: 'Get an entry type',
        operationId: 'getEntryType',
        tags,
        params: TypeKeyParams,
        response: { 200: dataEnvelope(EntryType) },
      },
      config: { tenant: 'required', permission: 'entries:read' },
    },
    async (request, reply) => {
      const { key } = request.params;
      const [row, count] = await inEntriesTenant(request, services, async (scope) => {
        const type = await getEntryType(scope, key);
        return [type, await countEntries(scope, type.key)] as const;
      });
      return sendData(reply, toEntryType(row, count));
    },
  );

  app.patch(
    '/entry-types/:key',
    {
      schema: {
        summary: 'Update an entry type (a schema its entries fail is refused with 409)',
        operationId: 'updateEntryType',
        tags,
        params: TypeKeyParams,
        body: UpdateEntryTypeBody,
        response: { 200: dataEnvelope(EntryType) },
      },
      config: { tenant: 'required', permission: 'entry_types:manage' },
    },
    async (request, reply) => {
      const { key } = request.params;
      const row = await inEntriesTenant(request, services, (scope) =>
        updateEntryType(scope, key, request.body, types),
      );
      return sendData(reply, toEntryType(row));
    },
  );

  app.delete(
    '/entry-types/:key',
    {
      schema: {
        summary: 'Delete an entry type that has no entries',
        operationId: 'deleteEntryType',
        tags,
        params: TypeKeyParams,
        response: { 204: Type.Null() },
      },
      config: { tenant: 'required', permission: 'entry_types:manage' },
    },
    async (request, reply) => {
      const { key } = request.params;
      await inEntriesTenant(request, services, (scope) => deleteEntryType(scope, key, types));
      return sendNoContent(reply);
    },
  );
}
