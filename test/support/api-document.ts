import { startTestInstance } from './test-instance.js';

/** The parts of a media type object the tests read. */
export interface MediaType {
  schema?: { $ref?: string; properties?: Record<string, unknown> };
  example?: unknown;
  examples?: unknown;
}

/** The parts of an operation object the tests read. */
export interface OperationObject {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}

/** The served OpenAPI document, typed only as far as the tests look into it. */
export interface ApiDocument {
  openapi: string;
  info: { description?: string };
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, { properties?: Record<string, { properties?: Record<string, unknown> }> }>;
    securitySchemes: Record<string, unknown>;
  };
}

/** The served OpenAPI document, read from a real instance (the routes register only there). */
export async function fetchApiDocument(): Promise<ApiDocument> {
  const instance = await startTestInstance({ startWorker: false });
  try {
    const response = await instance.app.inject({ method: 'GET', url: '/docs/json' });
    if (response.statusCode !== 200) throw new Error(`/docs/json answered ${response.statusCode}`);
    return response.json<ApiDocument>();
  } finally {
    await instance.destroy();
  }
}
