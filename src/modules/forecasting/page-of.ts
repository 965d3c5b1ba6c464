import { pagePagination, type Page } from '../listing/paginate.js';

/** Page parameters as the forecasting lists take them (page mode, like every list's default). */
export interface PageQuery {
  page?: number;
  per_page?: number;
}

/** Offset and limit of the requested page. */
export function pageWindow(query: PageQuery): { page: number; perPage: number; offset: number } {
  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  return { page, perPage, offset: (page - 1) * perPage };
}

/** The list answer for `rows` of a page out of `total`. */
export function pageOf<Row>(rows: Row[], query: PageQuery, total: number | string | bigint): Page<Row> {
  const { page, perPage } = pageWindow(query);
  return { rows, pagination: pagePagination(page, perPage, Number(total)) };
}
