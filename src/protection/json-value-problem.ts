import type { ErrorDetail } from '../errors.js';

/**
 * How deep a request's JSON may nest (the body as a whole, so every JSON field stored from it
 * too). Real documents stay far below it; a hostile one would otherwise cost stack and CPU in
 * every later pass over it (validation, audit hashing, jsonb).
 */
export const MAX_JSON_DEPTH = 32;

/** A node still to visit; its path is spelled out only when a problem is found there. */
interface Visit {
  value: unknown;
  key: string | number | undefined;
  parent: Visit | undefined;
  depth: number;
}

/** `rows[3].date`, `data.address.city` (error `details` paths); a key that is not a plain name is quoted. */
function pathOf(visit: Visit, root: string): string {
  const parts: string[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) {
    const key = at.key;
    if (typeof key === 'number') parts.push(`[${key}]`);
    else parts.push(`.${/^[A-Za-z0-9_$-]+$/.test(key) ? key : JSON.stringify(key)}`);
  }
  const path = `${root}${parts.reverse().join('')}`.replace(/^\./, '');
  return path || 'body';
}

// Node 20 has String.prototype.isWellFormed (ES2024); the ES2022 typings do not know it yet.
const isWellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** Why PostgreSQL or a JSON consumer would choke on this string, if it would. */
function stringProblem(text: string): string | undefined {
  // text and jsonb refuse U+0000; the driver would send a lone surrogate as U+FFFD, silently altered.
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (!isWellFormed(text)) return 'must be valid Unicode (it has an unpaired surrogate)';
  return undefined;
}

/**
 * The first thing in a parsed JSON value (a body, a query, stored JSON) that the database or a
 * later reader cannot take as is: a NUL or unpaired surrogate in a string or key, a number out of
 * range (JSON.parse turns 1e999 into Infinity, which would be stored as null), nesting deeper
 * than `maxDepth`. Iterative, so a value of any depth costs no stack.
 */
export function jsonValueProblem(
  value: unknown,
  path = '',
  maxDepth = MAX_JSON_DEPTH,
): ErrorDetail | undefined {
  const stack: Visit[] = [{ value, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const item = visit.value;
    if (typeof item === 'string') {
      const problem = stringProblem(item);
      if (problem) return { path: pathOf(visit, path), message: problem };
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) return { path: pathOf(visit, path), message: 'is a number out of range' };
    } else if (item !== null && typeof item === 'object') {
      if (visit.depth >= maxDepth) {
        return { path: pathOf(visit, path), message: `nests deeper than ${maxDepth} levels` };
      }
      const depth = visit.depth + 1;
      // Pushed in reverse so the first problem in document order is the one reported.
      if (Array.isArray(item)) {
        for (let i = item.length - 1; i >= 0; i -= 1)
          stack.push({ value: item[i], key: i, parent: visit, depth });
      } else {
        const keys = Object.keys(item);
        for (let i = keys.length - 1; i >= 0; i -= 1) {
          const key = keys[i]!;
          const keyProblem = stringProblem(key);
          if (keyProblem) return { path: pathOf(visit, path), message: `has a key that ${keyProblem}` };
          stack.push({ value: (item as Record<string, unknown>)[key], key, parent: visit, depth });
        }
      }
    }
  }
  return undefined;
}
