import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';
import type { ApiDocument } from './api-document.js';

const BANNER = `/**
 * Generated from the served OpenAPI document by \`npm run generate:api-types\`; do not edit.
 * test/openapi/api-types.test.ts fails when it is stale.
 */
`;

/** The console's API types as openapi-typescript writes them, formatted as the repository is. */
export async function renderApiTypes(document: ApiDocument, file: string): Promise<string> {
  // openapi-typescript resolves refs in what it is given: a copy leaves the caller's alone.
  const ast = await openapiTS(structuredClone(document) as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
  });
  const options = await prettier.resolveConfig(file);
  return prettier.format(BANNER + astToString(ast), { ...options, filepath: file });
}
