import { isApiError } from '../api/api-error';
import { readableMessages } from '../api/validation-messages';
import type { ListParams } from './list-params';

/** The list query parameters the URL feeds, with the value that drops each from the address. */
const PARAMS: Record<string, [keyof ListParams, ListParams[keyof ListParams], string]> = {
  status: ['status', '', 'status'],
  sort: ['sort', '-created_at', 'sort'],
  q: ['q', '', 'search'],
  created_from: ['from', '', 'from date'],
  created_to: ['to', '', 'to date'],
  page: ['page', 1, 'page'],
  per_page: ['perPage', 20, 'rows per page'],
};

export interface RefusedParams {
  patch: Partial<ListParams>;
  notes: string[];
}

/**
 * A list answer refused because of what the address said (`?status=bogus`): which parameters to
 * drop and why. Null when any detail concerns something else, which stays an error for the person.
 */
export function refusedListParams(error: unknown): RefusedParams | null {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED' || error.details.length === 0) return null;
  const patch: Partial<ListParams> = {};
  const notes: string[] = [];
  for (const detail of error.details) {
    const name = detail.path.replace(/^querystring\./, '').split('.')[0]!;
    const known = PARAMS[name];
    if (!known) return null;
    const [key, fallback, label] = known;
    (patch as Record<string, unknown>)[key] = fallback;
    notes.push(`${label} ${readableMessages([detail.message]).join(', ')}`);
  }
  return { patch, notes: [...new Set(notes)] };
}
