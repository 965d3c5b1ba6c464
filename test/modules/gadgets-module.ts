import { Type } from '@sinclair/typebox';
import type { ColumnType } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../src/errors.js';
import type { AppServices } from '../../src/app/app-services.js';
import {
  dataEnvelope,
  inTenant,
  listEnvelope,
  sendData,
  type TenantRoutes,
} from '../../src/http/route-kit.js';
import type { TenantModule } from '../../src/modules/module.js';
import { tenantRowSecurity } from '../../src/tenancy/migrations/tenant-migration.js';
import { effectiveQuota } from '../../src/tenancy/tiers.js';

// What an adopter's module adds to the shared types: its tenant table and its permissions.
declare module '../../src/tenancy/tenant-database.js' {
  interface TenantDatabase {
    gadgets: {
      tenant_id: string;
      id: string;
      name: string;
      size: number;
      created_at: ColumnType<Date, Date, never>;
    };
  }
}
declare module '../../src/identity/permissions.js' {
  interface PermissionNames {
    'gadgets:read': true;
    'gadgets:write': true;
  }
}

const Gadget = Type.Object({
  id: Type.String(),
  tenant_id: Type.String(),
  name: Type.String(),
  size: Type.Integer(),
});
const CreateGadgetBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    size: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

function gadgetRoutes(app: TenantRoutes, services: AppServices): void {
  app.get(
    '/gadgets',
    {
      schema: { tags: ['gadgets'], response: { 200: listEnvelope(Gadget) } },
      config: { tenant: 'required', permission: 'gadgets:read' },
    },
    async (request, reply) => {
      const rows = await inTenant(request, services, (scope) =>
        scope.db.selectFrom('gadgets').selectAll().where('tenant_id', '=', scope.tenantId).execute(),
      );
      return sendData(reply, rows);
    },
  );
  app.get(
    '/gadgets/:id',
    {
      schema: { tags: ['gadgets'], params: IdParams, response: { 200: dataEnvelope(Gadget) } },
      config: { tenant: 'required', permission: 'gadgets:read' },
    },
    async (request, reply) => {
      const { id } = request.params;
      const row = await inTenant(request, services, (scope) =>
        scope.db
          .selectFrom('gadgets')
          .selectAll()
          .where('tenant_id', '=', scope.tenantId)
          .where('id', '=', id)
          .executeTakeFirst(),
      );
      if (!row) throw notFound('Gadget');
      return sendData(reply, row);
    },
  );
  app.post(
    '/gadgets',
    {
      schema: { tags: ['gadgets'], body: CreateGadgetBody, response: { 201: dataEnvelope(Gadget) } },
      config: { tenant: 'required', permission: 'gadgets:write', quota: 'gadgets' },
    },
    async (request, reply) => {
      const body = request.body;
      const largest = effectiveQuota(request.tenant!.tier, 'gadget_size');
      if (largest !== null && body.size > largest)
        throw new AppError('LIMIT_EXCEEDED', `Gadgets are at most ${largest} in this tier`);
      const row = await inTenant(request, services, (scope) =>
        scope.db
          .insertInto('gadgets')
          .values({ tenant_id: scope.tenantId, id: uuidv7(), ...body, created_at: new Date() })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return sendData(reply, row, { status: 201 });
    },
  );
}

/**
 * An adopter's module written in test code: everything it declares reaches the running product
 * through the module list alone, with no core file edited.
 */
export const gadgetsModule: TenantModule = {
  name: 'gadgets',
  feature: 'gadgets',
  tables: ['gadgets'],
  migrations: [
    {
      id: '0001_create_gadgets',
      up: (s) => `
        create table ${s}.gadgets (
          tenant_id text not null,
          id uuid not null,
          name text not null,
          size int not null,
          created_at timestamptz not null,
          primary key (tenant_id, id)
        );
        ${tenantRowSecurity(s, 'gadgets')}`,
    },
  ],
  features: [{ key: 'gadgets', tiers: ['premium', 'enterprise'] }],
  businessDomains: [{ key: 'workshop', features: ['gadgets'] }],
  permissions: [
    { name: 'gadgets:read', roles: ['admin', 'member', 'viewer'] },
    { name: 'gadgets:write', roles: ['admin', 'member'] },
  ],
  quotas: [
    { key: 'gadgets', kind: 'creates_per_hour', tiers: { standard: 1, premium: 20, enterprise: null } },
    { key: 'gadget_size', kind: 'limit', tiers: { standard: 10, premium: 100, enterprise: null } },
  ],
  platformTables: ['gadget_vendors'],
  platformMigrations: [
    {
      id: 'gadgets.0001_vendors',
      sql: `create table platform.gadget_vendors (id text primary key, name text not null);`,
    },
  ],
  routes: gadgetRoutes,
};
