import { type RawBuilder, sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { Page } from './list-query.schema.js';

/** One value a keyset cursor carries: the last row's sort columns, in order (null for a nullable one). */
export type CursorValue = string | number | null;
type ValueKind = 'string' | 'number' | 'day' | 'instant' | 'uuid';
/**
 * What each carried value must be when the cursor comes back: `day` is YYYY-MM-DD, `instant` a UTC
 * time with microseconds (as `micros` in entry-list-query.ts prints it), so PostgreSQL never sees
 * a value it cannot cast; a trailing `?` also lets it be null (a nullable sort column).
 */
export type CursorKind = ValueKind | `${ValueKind}?`;

/**
 * One sort of a keyset list: the value it orders by before the row's unique key (none when it is
 * that key), its direction, how the value travels in a cursor and how to read it off a row.
 */
export interface KeysetSort<Row> {
  value: RawBuilder<unknown> | null;
  descending: boolean;
  kind: CursorKind;
  of: (row: Row) => string | number;
}

const MAX_TEXT = 1000;
const DAY = /^\d{4}-\d\d-\d\d$/;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/**
 * A timestamptz as UTC text with microseconds, the `instant` a cursor carries: a JavaScript Date
 * keeps milliseconds only, and a cursor cut to them would skip rows written in the same millisecond.
 */
export const instantText = (column: RawBuilder<unknown>): RawBuilder<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', ${sql.raw(MICROS)})`;

const invalid = (message: string) =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', { details: [{ path: 'cursor', message }] });

/** `text` names a real UTC time: PostgreSQL would refuse 2026-02-30 where JavaScript rolls it over. */
function isRealTime(text: string): boolean {
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === text.slice(0, 19);
}

function isKind(kind: CursorKind, value: unknown): boolean {
  if (kind.endsWith('?')) return value === null || isKind(kind.slice(0, -1) as ValueKind, value);
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (typeof value !== 'string') return false;
  if (kind === 'day') return DAY.test(value) && isRealTime(`${value}T00:00:00Z`);
  if (kind === 'instant') return INSTANT.test(value) && isRealTime(value);
  if (kind === 'uuid') return UUID.test(value);
  return value.length <= MAX_TEXT && !value.includes('\u0000');
}

/** The rows a cursor page holds: `limit`, else `per_page`, else 20 (SPEC §5's default). */
export function cursorLimit(query: { limit?: number; per_page?: number }): number {
  return query.limit ?? query.per_page ?? 20;
}

/**
 * The page-or-cursor choice of a list query. Mixing the two ways is refused rather than one of them
 * silently ignored; an empty `cursor=` asks for the first cursor page (callers test it for truth).
 */
export function wantsCursor(query: {
  page?: number;
  per_page?: number;
  cursor?: string;
  limit?: number;
}): boolean {
  if (query.cursor !== undefined && query.page !== undefined)
    throw invalid('use either page or cursor, not both');
  if (query.limit !== undefined && (query.page !== undefined || query.per_page !== undefined)) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ path: 'limit', message: 'use either page and per_page or cursor and limit, not both' }],
    });
  }
  return query.cursor !== undefined || query.limit !== undefined;
}

/** An opaque cursor (base64url JSON) naming the sort it was made under, so another sort refuses it. */
export function encodeKeysetCursor(sort: string, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify({ s: sort, v: values })).toString('base64url');
}

/** The values a cursor of `sort` carries, checked against `kinds`; anything else is a 400 on `cursor`. */
export function decodeKeysetCursor(
  cursor: string,
  sort: string,
  kinds: readonly CursorKind[],
): CursorValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor this list produced');
  }
  const { s, v } = (parsed ?? {}) as { s?: unknown; v?: unknown };
  if (typeof parsed !== 'object' || s !== sort) throw invalid('not a cursor of this list and sort');
  if (!Array.isArray(v) || v.length !== kinds.length) throw invalid('not a cursor this list produced');
  if (!kinds.every((kind, i) => isKind(kind, v[i]))) throw invalid('not a cursor this list produced');
  return v as CursorValue[];
}

/** The cursor-mode answer from `limit + 1` fetched rows: the extra row only says there is a next page. */
export function keysetPage<Row>(fetched: Row[], limit: number, cursorOf: (last: Row) => string): Page<Row> {
  const hasNext = fetched.length > limit;
  const rows = fetched.slice(0, limit);
  const last = rows[rows.length - 1];
  return {
    rows,
    pagination: { cursor: hasNext && last ? cursorOf(last) : null, limit, has_next: hasNext },
  };
}
