import type { QueryValue } from '../api/api-client';

/** A list view as the URL keeps it, so a filtered view can be shared and reloaded (seed 003 §4). */
export interface ListParams {
  mode: 'pages' | 'scroll';
  page: number;
  perPage: number;
  status: string;
  q: string;
  sort: string;
  from: string;
  to: string;
}

export const PER_PAGE_CHOICES = [10, 20, 50, 100];

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

export function readListParams(search: URLSearchParams): ListParams {
  const perPage = positive(search.get('per_page'), 20);
  return {
    mode: search.get('view') === 'scroll' ? 'scroll' : 'pages',
    page: positive(search.get('page'), 1),
    perPage: Math.min(perPage, 100),
    status: search.get('status') ?? '',
    q: search.get('q') ?? '',
    sort: search.get('sort') ?? '-created_at',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
  };
}

/** Writes only what differs from the defaults, so URLs stay short. */
export function writeListParams(params: ListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.mode === 'scroll') search.set('view', 'scroll');
  if (params.mode === 'pages' && params.page > 1) search.set('page', String(params.page));
  if (params.perPage !== 20) search.set('per_page', String(params.perPage));
  if (params.status) search.set('status', params.status);
  if (params.q) search.set('q', params.q);
  if (params.sort !== '-created_at') search.set('sort', params.sort);
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  return search;
}

/** A `YYYY-MM-DD` day as the API's date-time bounds (SPEC §5 created_from/created_to), whole days. */
function dayBound(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (end) {
    date.setDate(date.getDate() + 1);
    date.setMilliseconds(-1);
  }
  return date.toISOString();
}

/** The filters and sort of SPEC §5 list routes; pagination is added by the caller. */
export function filterQuery(params: ListParams): Record<string, QueryValue> {
  return {
    status: params.status || undefined,
    q: params.q || undefined,
    sort: params.sort,
    created_from: dayBound(params.from, false),
    created_to: dayBound(params.to, true),
  };
}
