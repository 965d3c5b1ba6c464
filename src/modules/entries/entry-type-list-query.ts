import { type Static, Type } from '@sinclair/typebox';
import { CursorParams, PageParams } from '../listing/list-query.schema.js';

export const TYPE_SORTS = ['key', '-key', 'name', '-name', 'created_at', '-created_at'] as const;

/** `GET /entry-types`: page or cursor pagination, `q` on key and name, and a sort (by key unless told). */
export const TypeListQuery = Type.Object(
  {
    ...PageParams,
    ...CursorParams,
    q: Type.Optional(Type.String({ maxLength: 200, description: "Searches the type's key and name" })),
    sort: Type.Optional(Type.Union(TYPE_SORTS.map((s) => Type.Literal(s)))),
    tenant_id: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type TypeListQuery = Static<typeof TypeListQuery>;
