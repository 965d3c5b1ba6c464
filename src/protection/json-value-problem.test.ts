import { describe, expect, it } from 'vitest';
import { jsonValueProblem, MAX_JSON_DEPTH } from './json-value-problem.js';

const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

describe('jsonValueProblem', () => {
  it('names the field with the paths error details use, the first problem in document order', () => {
    expect(jsonValueProblem({ rows: [{ date: 'ok' }, { date: 'x\u0000' }], b: '\u0000' })).toEqual({
      path: 'rows[1].date',
      message: 'must not contain NUL (\\u0000) characters',
    });
    expect(jsonValueProblem({ data: { address: { city: '\ud800' } } })?.path).toBe('data.address.city');
    expect(jsonValueProblem({ n: -Infinity })?.path).toBe('n');
    expect(jsonValueProblem({ 'odd key': { 'k\u0000': 1 } })).toEqual({
      path: '"odd key"',
      message: 'has a key that must not contain NUL (\\u0000) characters',
    });
    expect(jsonValueProblem('\u0000', 'querystring.q')?.path).toBe('querystring.q');
  });

  it(`takes ${MAX_JSON_DEPTH} levels of nesting and refuses one more, at any depth without recursion`, () => {
    expect(jsonValueProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonValueProblem(nested(MAX_JSON_DEPTH + 1))?.message).toMatch(/deeper than/);
    expect(jsonValueProblem(JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`))?.message).toMatch(
      /deeper than/,
    );
  });

  it('accepts well-formed text, paired surrogates, finite numbers and plain values', () => {
    expect(
      jsonValueProblem({ emoji: '😀 ü', n: 1e308, list: [null, true, 'x'], nested: { a: [] } }),
    ).toBeUndefined();
  });
});
