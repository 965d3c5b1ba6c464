import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

type Get = (url: string) => Promise<LightMyRequestResponse>;

/**
 * Follows `?cursor=` from the first page of `url` (which carries `limit`) to the end and returns
 * the rows in the order the pages gave them; `between(n)` runs after page n, to insert rows.
 */
export async function cursorWalk<Row>(
  get: Get,
  url: string,
  between: (page: number) => Promise<void> = async () => {},
): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 200; page++) {
    const sep = url.includes('?') ? '&' : '?';
    const response = await get(cursor === null ? url : `${url}${sep}cursor=${encodeURIComponent(cursor)}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { data: Row[]; pagination: { cursor: string | null; has_next: boolean } };
    rows.push(...body.data);
    expect(body.pagination.has_next).toBe(body.pagination.cursor !== null);
    if (body.pagination.cursor === null) return rows;
    cursor = body.pagination.cursor;
    await between(page);
  }
  throw new Error(`${url}: no last page after 200 pages`);
}

/** The walk saw each row once, every row of `before`, in the order `after` (the list read whole at the end) has. */
export function expectWalkOf(walked: string[], before: string[], after: string[]): void {
  expect(new Set(walked).size).toBe(walked.length);
  expect(walked).toEqual(expect.arrayContaining(before));
  const seen = new Set(walked);
  expect(walked).toEqual(after.filter((id) => seen.has(id)));
}

/** Asserts a 400 VALIDATION_FAILED whose details name `path`. */
export function expectInvalid(response: LightMyRequestResponse, path: string): void {
  expect(response.statusCode, response.body).toBe(400);
  const error = (response.json() as { error: { code: string; details?: Array<{ path: string }> } }).error;
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.details?.map((d) => d.path)).toContain(path);
}
