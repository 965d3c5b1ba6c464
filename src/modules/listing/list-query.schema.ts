import { type Static, Type } from '@sinclair/typebox';

export const SORTS = ['created_at', '-created_at', 'name', '-name', 'status'] as const;

/** `?page=&per_page=` (SPEC §5): the default way through a list. */
export const PageParams = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
};

/** `?cursor=&limit=` (SPEC §5): keyset pages that inserts never make skip or repeat a row. */
export const CursorParams = {
  cursor: Type.Optional(
    Type.String({ maxLength: 2048, description: "The previous page's `pagination.cursor` (opaque)" }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Rows per cursor page (20)' })),
};

/** The list parameters: page or cursor pagination, filters and sort, shared by every list route. */
export const ListQuery = Type.Object(
  {
    ...PageParams,
    ...CursorParams,
    status: Type.Optional(Type.String({ maxLength: 32 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    created_from: Type.Optional(Type.String({ format: 'date-time' })),
    created_to: Type.Optional(Type.String({ format: 'date-time' })),
    sort: Type.Optional(Type.Union(SORTS.map((s) => Type.Literal(s)))),
    tenant_id: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

export const PagePagination = Type.Object({
  page: Type.Integer(),
  per_page: Type.Integer(),
  total: Type.Integer(),
  total_pages: Type.Integer(),
  has_next: Type.Boolean(),
  has_prev: Type.Boolean(),
});

export const CursorPagination = Type.Object({
  cursor: Type.Union([Type.String(), Type.Null()]),
  limit: Type.Integer(),
  has_next: Type.Boolean(),
});

export type Pagination = Static<typeof PagePagination> | Static<typeof CursorPagination>;

/** One answer of a list: its rows and how to get the next ones. */
export interface Page<Row> {
  rows: Row[];
  pagination: Pagination;
}
