import { type Static, Type } from '@sinclair/typebox';
import { CursorParams, PageParams } from '../listing/list-query.schema.js';

export const API_KEY_SORTS = ['-created_at', 'created_at', 'name', '-name'] as const;

/** `GET /api-keys`: page or cursor pagination, `q` on the name, newest first unless sorted. */
export const ApiKeyListQuery = Type.Object(
  {
    ...PageParams,
    ...CursorParams,
    q: Type.Optional(Type.String({ maxLength: 200, description: "Searches the key's name" })),
    sort: Type.Optional(Type.Union(API_KEY_SORTS.map((s) => Type.Literal(s)))),
    tenant_id: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ApiKeyListQuery = Static<typeof ApiKeyListQuery>;
