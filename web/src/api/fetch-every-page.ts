import { api, type ApiResult, type RequestOptions } from './api-client';
import type { CursorPagination } from './types';

// A runaway walk stops here: 10,000 rows, far more than any list shown whole holds.
const MAX_PAGES = 100;

/**
 * Every row of a list, followed by cursor 100 at a time (SPEC §5): for views that show a whole
 * list (roles, API keys, platform administrators), which the server pages like any other.
 */
export async function fetchEveryPage<Item>(
  path: string,
  options: RequestOptions = {},
): Promise<ApiResult<Item[]>> {
  const items: Item[] = [];
  let cursor: string | undefined;
  for (let page = 0; ; page++) {
    const result = await api<Item[]>(path, { ...options, query: { ...options.query, limit: 100, cursor } });
    items.push(...result.data);
    const next = (result.pagination as CursorPagination | undefined)?.cursor ?? null;
    if (next === null || page + 1 >= MAX_PAGES) return { ...result, data: items };
    cursor = next;
  }
}
