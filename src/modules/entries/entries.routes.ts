import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppServices } from '../../app/app-services.js';
import {
  dataEnvelope,
  listEnvelope,
  sendData,
  sendNoContent,
  stringField,
  type TenantRoutes,
} from '../../http/route-kit.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { createEntryRetrying } from './create-entry.js';
import { deleteEntry } from './delete-entry.js';
import {
  CreateEntryBody,
  Entry,
  EntryListQuery,
  EntryParams,
  TypeParams,
  UpdateEntryBody,
} from './entries.schema.js';
import { toEntry } from './entry-rows.js';
import type { EntryTypeCache } from './entry-type-cache.js';
import { inEntriesTenant } from './entry-types.routes.js';
import { findEntries } from './find-entries.js';
import { findTypeFeature } from './find-type-feature.js';
import { getEntry } from './get-entry.js';
import { getEnabledEntryType } from './get-entry-type.js';
import { updateEntry } from './update-entry.js';

const tags = ['entries'];
/** The isolation suites fill `:type` with a key of the caller's own `/entry-types`. */
const parentParams = { type: '/entry-types' };

/** `/entries/{type}`: entries of one type, validated against its JSON Schema. */
export function entryRoutes(app: TenantRoutes, services: AppServices, types: EntryTypeCache): void {
  // Asked by the edge only when the permission check refuses: a switched-off type says so first.
  const featureOf = (request: FastifyRequest, tenant: TenantRecord) =>
    services.tenancy.withTenant(
      tenant,
      (scope) => findTypeFeature(scope, stringField(request.params, 'type')),
      'read',
    );
  app.get(
    '/entries/:type',
    {
      schema: {
        summary: 'List entries of a type (filter[<field>]=, q, sort)',
        operationId: 'listEntries',
        tags,
        params: TypeParams,
        querystring: EntryListQuery,
        response: { 200: listEnvelope(Entry) },
      },
      config: { tenant: 'required', permission: 'entries:read', parentParams, featureOf },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const page = await inEntriesTenant(request, services, (scope) =>
        findEntries(scope, tenant, request.params.type, request.query, types),
      );
      return sendData(reply, page.rows.map(toEntry), { pagination: page.pagination });
    },
  );

  app.post(
    '/entries/:type',
    {
      schema: {
        summary: 'Create an entry',
        operationId: 'createEntry',
        tags,
        params: TypeParams,
        body: CreateEntryBody,
        response: { 201: dataEnvelope(Entry) },
      },
      config: { tenant: 'required', permission: 'entries:write', quota: 'entries', parentParams, featureOf },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const row = await createEntryRetrying(
        (work) => inEntriesTenant(request, services, work),
        tenant,
        request.params.type,
        request.body,
        types,
      );
      return sendData(reply, toEntry(row), { status: 201 });
    },
  );

  app.get(
    '/entries/:type/:id',
    {
      schema: {
        summary: 'Get an entry',
        operationId: 'getEntry',
        tags,
        params: EntryParams,
        response: { 200: dataEnvelope(Entry) },
      },
      config: { tenant: 'required', permission: 'entries:read', parentParams, featureOf },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const { type, id } = request.params;
      const row = await inEntriesTenant(request, services, async (scope) => {
        const found = await getEnabledEntryType(scope, tenant, type);
        return getEntry(scope, found.key, id);
      });
      return sendData(reply, toEntry(row));
    },
  );

  app.patch(
    '/entries/:type/:id',
    {
      schema: {
        summary: 'Update an entry (JSON merge patch of its data, validated whole)',
        operationId: 'updateEntry',
        tags,
        params: EntryParams,
        body: UpdateEntryBody,
        response: { 200: dataEnvelope(Entry) },
      },
      config: { tenant: 'required', permission: 'entries:write', parentParams, featureOf },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const { type, id } = request.params;
      const row = await inEntriesTenant(request, services, (scope) =>
        updateEntry(scope, tenant, type, id, request.body),
      );
      return sendData(reply, toEntry(row));
    },
  );

  app.delete(
    '/entries/:type/:id',
    {
      schema: {
        summary: 'Delete an entry',
        operationId: 'deleteEntry',
        tags,
        params: EntryParams,
        response: { 204: Type.Null() },
      },
      config: { tenant: 'required', permission: 'entries:write', parentParams, featureOf },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const { type, id } = request.params;
      await inEntriesTenant(request, services, (scope) => deleteEntry(scope, tenant, type, id));
      return sendNoContent(reply);
    },
  );
}
