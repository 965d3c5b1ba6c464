import { type Static, Type } from '@sinclair/typebox';
import { CursorParams, PageParams } from '../listing/list-query.schema.js';

export const ROLE_SORTS = ['name', '-name', 'created_at', '-created_at'] as const;

/** `GET /roles`: page or cursor pagination, `q` on the name, built-in roles first unless sorted. */
export const RoleListQuery = Type.Object(
  {
    ...PageParams,
    ...CursorParams,
    q: Type.Optional(Type.String({ maxLength: 200, description: "Searches the role's name" })),
    sort: Type.Optional(Type.Union(ROLE_SORTS.map((s) => Type.Literal(s)))),
    tenant_id: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type RoleListQuery = Static<typeof RoleListQuery>;
