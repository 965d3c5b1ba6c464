import type { ErrorDetail } from '../errors.js';

/**
 * How deep a request's JSON may nest (the body as a whole, so every JSON field stored from it
 * too). Real documents stay far below it; a hostile one would otherwise cost stack and CPU in
 * every later pass over it (validation, audit hashing, jsonb).
 */
export const MAX_JSON_DEPTH = 32;

/** `rows[3].date`, `data.address.city` (SPEC §5); a key that is not a plain name is quoted. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const name = /^[A-Za-z0-9_$-]+$/.test(key) ? key : JSON.stringify(key);
  return parent ? `${parent}.${name}` : name;
}

/** Why PostgreSQL or a JSON consumer would choke on this string, if it would. */
function stringProblem(text: string): string | undefined {
  // text and jsonb refuse U+0000; the driver would send a lone surrogate as U+FFFD, silently altered.
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (/\p{Cs}/u.test(text)) return 'must be valid Unicode (it has an unpaired surrogate)';
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
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const at = item.path || 'body';
    if (typeof item.value === 'string') {
      const problem = stringProblem(item.value);
      if (problem) return { path: at, message: problem };
    } else if (typeof item.value === 'number') {
      if (!Number.isFinite(item.value)) return { path: at, message: 'is a number out of range' };
    } else if (item.value !== null && typeof item.value === 'object') {
      if (item.depth >= maxDepth) return { path: at, message: `nests deeper than ${maxDepth} levels` };
      const entries: Array<[string | number, unknown]> = Array.isArray(item.value)
        ? item.value.map((child, index) => [index, child])
        : Object.entries(item.value);
      // Pushed in reverse so the first problem in document order is the one reported.
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i]!;
        const keyProblem = typeof key === 'string' ? stringProblem(key) : undefined;
        if (keyProblem) return { path: at, message: `has a key that ${keyProblem}` };
        stack.push({ value: child, path: childPath(item.path, key), depth: item.depth + 1 });
      }
    }
  }
  return undefined;
}
