import { validate, compileErrors } from '@readme/openapi-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiDocument, fetchApiDocument, type OperationObject } from '../support/api-document.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Operation {
  method: string;
  path: string;
  op: OperationObject;
}

let document: ApiDocument;
let operations: Operation[];

beforeAll(async () => {
  document = await fetchApiDocument();
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method, path, op })),
  );
});

const name = ({ method, path }: Operation) => `${method.toUpperCase()} ${path}`;

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for a third-party validator', async () => {
    // A copy: the validator dereferences what it is given.
    const result = await validate(structuredClone(document) as unknown as Parameters<typeof validate>[0]);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('gives every operation a unique operationId, a summary and a tag', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((o) => !o.op.operationId).map(name)).toEqual([]);
    expect(operations.filter((o) => !o.op.summary).map(name)).toEqual([]);
    expect(operations.filter((o) => !o.op.tags?.length).map(name)).toEqual([]);
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('documents each operation’s error responses with the error envelope', () => {
    expect(document.components.schemas.ErrorEnvelope?.properties?.error?.properties?.code).toBeDefined();
    const envelopeRef = '#/components/schemas/ErrorEnvelope';
    for (const operation of operations) {
      const errors = Object.entries(operation.op.responses).filter(([status]) => Number(status) >= 400);
      expect(errors.length, name(operation)).toBeGreaterThan(0);
      for (const [status, response] of errors)
        expect(response.content?.['application/json']?.schema?.$ref, `${name(operation)} ${status}`).toBe(
          envelopeRef,
        );
    }
    const createDeployment = operations.find((o) => name(o) === 'POST /api/v1/deployments')!;
    expect(Object.keys(createDeployment.op.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409', '429', '503']),
    );
    const login = operations.find((o) => name(o) === 'POST /api/v1/auth/login')!;
    expect(login.op.security).toEqual([]);
    expect(login.op.responses['401']).toBeUndefined();
  });

  it('shows examples on the main request bodies', () => {
    for (const route of [
      'POST /api/v1/tenants',
      'POST /api/v1/auth/login',
      'POST /api/v1/deployments',
      'POST /api/v1/users',
    ]) {
      const operation = operations.find((o) => name(o) === route);
      const media = operation?.op.requestBody?.content['application/json'];
      // One example becomes the media type's `example`, several its `examples`.
      expect(media?.example ?? media?.examples, route).toBeTruthy();
    }
  });

  it('tells an integrator about authentication, tenants, the envelope and pagination', () => {
    const text = document.info.description ?? '';
    for (const topic of ['Bearer', 'X-Tenant-ID', 'ErrorEnvelope', 'per_page', 'cursor'])
      expect(text).toContain(topic);
    expect(text).not.toContain('SPEC');
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
