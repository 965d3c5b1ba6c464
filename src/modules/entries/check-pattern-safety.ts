import type { ErrorDetail } from '../../errors.js';

/**
 * A static guard against regular expressions that backtrack catastrophically. ajv runs a schema's
 * `pattern` and `patternProperties` with JavaScript's backtracking engine on the request's thread,
 * and a linear-time engine (re2) is not a dependency, so a type's patterns are refused when they
 * have a shape known to blow up. Conservative by design: a refused safe pattern can be rewritten
 * (README, "Entries and business domains"); an accepted exponential one would stall the process.
 */

/** Longer patterns are refused outright: they are hard to reason about and rarely needed. */
export const PATTERN_MAX_LENGTH = 200;

interface Item {
  /** Source text of the atom without its quantifier (used to ask the engine what it matches). */
  source: string;
  /** A single literal character, when the atom is exactly one. */
  literal: string | null;
  group: Item[][] | null;
  min: number;
  max: number;
}

class Unsafe extends Error {}

function parse(pattern: string): Item[][] {
  let at = 0;
  const alternation = (): Item[][] => {
    const alternatives: Item[][] = [[]];
    while (at < pattern.length && pattern[at] !== ')') {
      if (pattern[at] === '|') {
        at += 1;
        alternatives.push([]);
      } else alternatives.at(-1)!.push(quantified(atom()));
    }
    return alternatives;
  };
  const atom = (): Item => {
    const start = at;
    const char = pattern[at]!;
    at += 1;
    const item = (literal: string | null, group: Item[][] | null = null): Item => ({
      source: pattern.slice(start, at),
      literal,
      group,
      min: 1,
      max: 1,
    });
    if (char === '(') {
      if (pattern.startsWith('?<', at) && !/^\?<[=!]/.test(pattern.slice(at)))
        at = pattern.indexOf('>', at) + 1;
      else if (pattern[at] === '?') at += pattern[at + 1] === '<' ? 3 : 2;
      const inner = alternation();
      at += 1;
      return item(null, inner);
    }
    if (char === '[') {
      while (at < pattern.length && pattern[at] !== ']') at += pattern[at] === '\\' ? 2 : 1;
      at += 1;
      return item(null);
    }
    if (char === '\\') {
      const next = pattern[at] ?? '';
      at += 1;
      if (/[1-9]/.test(next) || (next === 'k' && pattern[at] === '<'))
        throw new Unsafe('backreferences are not allowed');
      if (next === 'u' && pattern[at] === '{') at = pattern.indexOf('}', at) + 1;
      else if (next === 'u') at += 4;
      else if (next === 'x') at += 2;
      else if (next === 'c') at += 1;
      else if ((next === 'p' || next === 'P') && pattern[at] === '{') at = pattern.indexOf('}', at) + 1;
      return item(/[A-Za-z0-9]/.test(next) ? null : next);
    }
    if (char === '.' || char === '^' || char === '$') return item(null);
    return item(char);
  };
  const quantified = (item: Item): Item => {
    const bounds = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(pattern.slice(at));
    if (!bounds) return item;
    at += bounds[0].length;
    if (bounds[1]) return { ...item, min: bounds[1] === '+' ? 1 : 0, max: bounds[1] === '?' ? 1 : Infinity };
    const min = Number(bounds[2]);
    const max = bounds[3] === undefined ? min : bounds[4] === '' ? Infinity : Number(bounds[4]);
    return { ...item, min, max };
  };
  const top = alternation();
  if (at < pattern.length) throw new Unsafe('unbalanced parentheses');
  return top;
}

/** Items that repeat a variable number of times, anywhere inside `alternatives`. */
function variableItems(alternatives: Item[][]): Item[] {
  return alternatives.flatMap((items) =>
    items.flatMap((item) => [
      ...(item.max > item.min ? [item] : []),
      ...(item.group ? variableItems(item.group) : []),
    ]),
  );
}

/** True when `atom` can match `char`: the engine itself answers, so classes and escapes are exact. */
function matches(atom: Item, char: string): boolean {
  try {
    return new RegExp(`^(?:${atom.source})$`, 'u').test(char);
  } catch {
    return true;
  }
}

/**
 * A repeated group is safe when each repetition must start with a literal character that nothing
 * variable inside it can match (`(-[a-z0-9]+)*`): the engine then has one way to split the input.
 */
function separated(group: Item[][]): boolean {
  if (group.length !== 1) return false;
  const first = group[0]![0];
  if (!first || first.literal === null || first.min < 1 || first.max > 1) return false;
  return variableItems(group).every((item) => item.group === null && !matches(item, first.literal!));
}

/** Alternatives of a repeated group must start with distinct literal characters, or they overlap. */
function distinctStarts(group: Item[][]): boolean {
  const starts = group.map((items) => (items[0] && items[0].min >= 1 ? items[0].literal : null));
  return starts.every((start) => start !== null) && new Set(starts).size === starts.length;
}

function check(alternatives: Item[][]): void {
  for (const item of alternatives.flat()) {
    if (!item.group) continue;
    if (item.max > 1) {
      if (item.group.length > 1 && !distinctStarts(item.group))
        throw new Unsafe(`alternatives that can match the same text are repeated in ${item.source}`);
      if (variableItems(item.group).length > 0 && !separated(item.group))
        throw new Unsafe(`a repeated group holds another repetition: ${item.source}`);
    }
    check(item.group);
  }
}

/**
 * Why `pattern` may backtrack catastrophically, or null when it has none of the shapes checked:
 * more than PATTERN_MAX_LENGTH characters, a backreference, a repeated group holding a variable
 * repetition (`(a+)+`, `(a?){20}`, `(.*x){9}`), or a repeated alternation whose branches can start
 * alike (`(a|ab)*`). Polynomial blow-ups of adjacent repetitions (`.*a.*b`) are not caught.
 */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > PATTERN_MAX_LENGTH) return `longer than ${PATTERN_MAX_LENGTH} characters`;
  try {
    check(parse(pattern));
    return null;
  } catch (error) {
    if (error instanceof Unsafe) return `may backtrack catastrophically: ${error.message}`;
    throw error;
  }
}

/** Subschemas whose values are data, not schemas: a `pattern` key in them is not a keyword. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

/**
 * Every `pattern` and `patternProperties` key in a schema that `patternProblem` refuses, with where
 * it is (`schema.properties.code.pattern`). A property named `pattern` is a field, not a keyword.
 */
export function schemaPatternProblems(node: unknown, path = 'schema'): ErrorDetail[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => schemaPatternProblems(child, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  const problems: ErrorDetail[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (DATA_KEYWORDS.has(key)) continue;
    const here = `${path}.${key}`;
    if (key === 'pattern' && typeof value === 'string') {
      const problem = patternProblem(value);
      if (problem) problems.push({ path: here, message: problem });
    }
    const isFieldMap = key === 'properties' || key === '$defs' || key === 'dependentSchemas';
    if (key === 'patternProperties' && value !== null && typeof value === 'object') {
      for (const source of Object.keys(value)) {
        const problem = patternProblem(source);
        if (problem) problems.push({ path: `${here}[${JSON.stringify(source)}]`, message: problem });
      }
    }
    if (isFieldMap || key === 'patternProperties') {
      if (value !== null && typeof value === 'object')
        for (const [name, child] of Object.entries(value))
          problems.push(...schemaPatternProblems(child, `${here}.${name}`));
    } else problems.push(...schemaPatternProblems(value, here));
  }
  return problems;
}
