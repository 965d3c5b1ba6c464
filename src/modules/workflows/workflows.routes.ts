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
import { createWorkflow } from './create-workflow.js';
import { deleteWorkflow } from './delete-workflow.js';
import { toWorkflow } from './workflow-row.js';
import { CreateWorkflowBody, Workflow, IdParams, UpdateWorkflowBody } from './workflows.schema.js';
import { findWorkflows } from './find-workflows.js';
import { getWorkflow } from './get-workflow.js';
import { updateWorkflow } from './update-workflow.js';

const tags = ['workflows'];

export function workflowRoutes(app: TenantRoutes, services: AppServices): void {
  app.get(
    '/workflows',
    {
      schema: {
        summary: 'List workflows',
        operationId: 'listWorkflows',
        tags,
        querystring: ListQuery,
        response: { 200: listEnvelope(Workflow) },
      },
      config: { tenant: 'required', permission: 'workflows:read', cache: true },
    },
    async (request, reply) => {
      const page = await inTenant(request, services, (scope) => findWorkflows(scope, request.query));
      return sendData(reply, page.rows.map(toWorkflow), { pagination: page.pagination });
    },
  );

  app.post(
    '/workflows',
    {
      schema: {
        summary: 'Create a workflow',
        operationId: 'createWorkflow',
        tags,
        body: CreateWorkflowBody,
        response: { 201: dataEnvelope(Workflow) },
      },
      config: { tenant: 'required', permission: 'workflows:write', quota: 'workflows' },
    },
    async (request, reply) => {
      const row = await inTenant(request, services, (scope) => createWorkflow(scope, request.body));
      return sendData(reply, toWorkflow(row), { status: 201 });
    },
  );

  app.get(
    '/workflows/:id',
    {
      schema: {
        summary: 'Get a workflow',
        operationId: 'getWorkflow',
        tags,
        params: IdParams,
        response: { 200: dataEnvelope(Workflow) },
      },
      config: { tenant: 'required', permission: 'workflows:read', cache: true },
    },
    async (request, reply) => {
      const { id } = request.params;
      const row = await inTenant(request, services, (scope) => getWorkflow(scope, id));
      return sendData(reply, toWorkflow(row));
    },
  );

  app.patch(
    '/workflows/:id',
    {
      schema: {
        summary: 'Update a workflow',
        operationId: 'updateWorkflow',
        tags,
        params: IdParams,
        body: UpdateWorkflowBody,
        response: { 200: dataEnvelope(Workflow) },
      },
      config: { tenant: 'required', permission: 'workflows:write' },
    },
    async (request, reply) => {
      const { id } = request.params;
      const row = await inTenant(request, services, (scope) => updateWorkflow(scope, id, request.body));
      return sendData(reply, toWorkflow(row));
    },
  );

  app.delete(
    '/workflows/:id',
    {
      schema: {
        summary: 'Delete a workflow',
        operationId: 'deleteWorkflow',
        tags,
        params: IdParams,
        response: { 204: Type.Null() },
      },
      config: { tenant: 'required', permission: 'workflows:write' },
    },
    async (request, reply) => {
      const { id } = request.params;
      await inTenant(request, services, (scope) => deleteWorkflow(scope, id));
      return sendNoContent(reply);
    },
  );
}
