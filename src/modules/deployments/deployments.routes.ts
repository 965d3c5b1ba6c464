import { Type } from '@sinclair/typebox';
import type { AppServices } from '../../app/app-services.js';
import {
  dataEnvelope,
  inTenant,
  listEnvelope,
  sendData,
  sendNoContent,
  type TenantRoutes,
} from '../../http/route-kit.js';
import { ListQuery } from '../listing/list-query.schema.js';
import { createDeployment } from './create-deployment.js';
import { deleteDeployment } from './delete-deployment.js';
import { toDeployment } from './deployment-row.js';
import { CreateDeploymentBody, Deployment, IdParams, UpdateDeploymentBody } from './deployments.schema.js';
import { findDeployments } from './find-deployments.js';
import { getDeployment } from './get-deployment.js';
import { updateDeployment } from './update-deployment.js';

const tags = ['deployments'];

export function deploymentRoutes(app: TenantRoutes, services: AppServices): void {
  app.get(
    '/deployments',
    {
      schema: {
        summary: 'List deployments',
        operationId: 'listDeployments',
        tags,
        querystring: ListQuery,
        response: { 200: listEnvelope(Deployment) },
      },
      config: { tenant: 'required', permission: 'deployments:read', cache: true },
    },
    async (request, reply) => {
      const page = await inTenant(request, services, (scope) => findDeployments(scope, request.query));
      return sendData(reply, page.rows.map(toDeployment), { pagination: page.pagination });
    },
  );

  app.post(
    '/deployments',
    {
      schema: {
        summary: 'Create a deployment',
        operationId: 'createDeployment',
        tags,
        body: CreateDeploymentBody,
        response: { 201: dataEnvelope(Deployment) },
      },
      config: { tenant: 'required', permission: 'deployments:write', quota: 'deployments' },
    },
    async (request, reply) => {
      const row = await inTenant(request, services, (scope) => createDeployment(scope, request.body));
      return sendData(reply, toDeployment(row), { status: 201 });
    },
  );

  app.get(
    '/deployments/:id',
    {
      schema: {
        summary: 'Get a deployment',
        operationId: 'getDeployment',
        tags,
        params: IdParams,
        response: { 200: dataEnvelope(Deployment) },
      },
      config: { tenant: 'required', permission: 'deployments:read', cache: true },
    },
    async (request, reply) => {
      const { id } = request.params;
      const row = await inTenant(request, services, (scope) => getDeployment(scope, id));
      return sendData(reply, toDeployment(row));
    },
  );

  app.patch(
    '/deployments/:id',
    {
      schema: {
        summary: 'Update a deployment',
        operationId: 'updateDeployment',
        tags,
        params: IdParams,
        body: UpdateDeploymentBody,
        response: { 200: dataEnvelope(Deployment) },
      },
      config: { tenant: 'required', permission: 'deployments:write' },
    },
    async (request, reply) => {
      const { id } = request.params;
      const row = await inTenant(request, services, (scope) => updateDeployment(scope, id, request.body));
      return sendData(reply, toDeployment(row));
    },
  );

  app.delete(
    '/deployments/:id',
    {
      schema: {
        summary: 'Delete a deployment',
        operationId: 'deleteDeployment',
        tags,
        params: IdParams,
        response: { 204: Type.Null() },
      },
      config: { tenant: 'required', permission: 'deployments:write' },
    },
    async (request, reply) => {
      const { id } = request.params;
      await inTenant(request, services, (scope) => deleteDeployment(scope, id));
      return sendNoContent(reply);
    },
  );
}
