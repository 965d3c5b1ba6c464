import path from 'node:path';
import { expect, it } from 'vitest';
import { fetchApiDocument } from '../support/api-document.js';
import { renderApiTypes } from '../support/render-api-types.js';

const GENERATED = path.resolve(import.meta.dirname, '../../web/src/api/generated.ts');

// `npm run generate:api-types` runs this file with --update, which rewrites the file instead.
it('the console’s committed API types match the served OpenAPI document', async () => {
  const types = await renderApiTypes(await fetchApiDocument(), GENERATED);
  await expect(types).toMatchFileSnapshot(GENERATED);
});
