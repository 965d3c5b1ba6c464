import { type Static, Type } from '@sinclair/typebox';
import { CursorParams, PageParams } from '../listing/list-query.schema.js';

export const PLATFORM_ADMIN_SORTS = ['created_at', '-created_at', 'name', '-name'] as const;

/** `GET /platform/admins`: page or cursor pagination, `q` on the email, oldest first unless sorted. */
export const PlatformAdminListQuery = Type.Object(
  {
    ...PageParams,
    ...CursorParams,
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Searches the email address' })),
    sort: Type.Optional(Type.Union(PLATFORM_ADMIN_SORTS.map((s) => Type.Literal(s)))),
  },
  { additionalProperties: false },
);
export type PlatformAdminListQuery = Static<typeof PlatformAdminListQuery>;
