import { AppError } from '../../errors.js';

type Schema = Record<string, unknown>;

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', { details: [{ path, message }] });

/** The JSON types a property may hold, from `type`, `enum` or `const`. */
export function propertyTypes(property: Schema): string[] {
  if (typeof property.type === 'string') return [property.type];
  if (Array.isArray(property.type)) return property.type.filter((t): t is string => typeof t === 'string');
  const values = Array.isArray(property.enum) ? property.enum : 'const' in property ? [property.const] : [];
  const types = new Set<string>();
  for (const value of values) {
    if (value === null) types.add('null');
    else if (typeof value === 'number') types.add(Number.isInteger(value) ? 'integer' : 'number');
    else if (Array.isArray(value)) types.add('array');
    else types.add(typeof value);
  }
  return [...types];
}

function topLevel(schema: Schema, field: string, path: string): Schema {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  if (!Object.hasOwn(properties, field))
    throw invalid(path, `not a field of this type (${Object.keys(properties).join(', ') || 'none'})`);
  const property = properties[field]!;
  return typeof property === 'object' && property !== null ? property : {};
}

/** A filter's text as the value the field holds: `filter[quantity]=3` is the number 3. */
export function filterValue(schema: Schema, field: string, raw: string): unknown {
  const path = `filter[${field}]`;
  const property = topLevel(schema, field, path);
  if (Array.isArray(property.enum)) {
    const match = property.enum.find(
      (value) => value !== null && typeof value !== 'object' && String(value) === raw,
    );
    if (match === undefined && !(raw === 'null' && property.enum.includes(null)))
      throw invalid(
        path,
        `expected one of ${property.enum.map((v) => JSON.stringify(v)).join(', ')}`.slice(0, 500),
      );
    return match ?? null;
  }
  const types = propertyTypes(property);
  if (types.includes('object') || types.includes('array'))
    throw invalid(path, 'only fields holding a string, number, boolean or null can be filtered on');
  const candidates = types.length === 0 ? ['string', 'number', 'boolean', 'null'] : types;
  for (const type of candidates) {
    if (type === 'string') return raw;
    if ((type === 'number' || type === 'integer') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) {
      const value = Number(raw);
      if (Number.isFinite(value) && (type === 'number' || Number.isInteger(value))) return value;
    }
    if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
    if (type === 'null' && raw === 'null') return null;
  }
  throw invalid(path, `expected ${candidates.join(' or ')}`);
}

/** A field holding only numbers (or null) sorts and compares as a number, any other as text. */
export function sortsAsNumber(types: string[]): boolean {
  return types.length > 0 && types.every((t) => t === 'number' || t === 'integer' || t === 'null');
}

/** The string fields `q` searches. */
export function searchableFields(schema: Schema): string[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  return Object.entries(properties)
    .filter(
      ([, property]) =>
        typeof property === 'object' && property !== null && propertyTypes(property).includes('string'),
    )
    .map(([field]) => field);
}

/** How one list is ordered: a created_at key, or a data field with a null flag in front. */
export interface EntrySortKey {
  sort: string;
  descending: boolean;
  /** null for created_at / updated_at. */
  field: string | null;
  column: 'created_at' | 'updated_at' | null;
  numeric: boolean;
}

export function entrySortKey(schema: Schema, sort: string | undefined): EntrySortKey {
  const text = sort ?? '-created_at';
  const descending = text.startsWith('-');
  const name = descending ? text.slice(1) : text;
  if (name === 'created_at' || name === 'updated_at')
    return { sort: text, descending, field: null, column: name, numeric: false };
  const field = name.slice('data.'.length);
  const types = propertyTypes(topLevel(schema, field, 'sort'));
  if (types.includes('object') || types.includes('array'))
    throw invalid('sort', 'cannot sort on an object or array field');
  return { sort: text, descending, field, column: null, numeric: sortsAsNumber(types) };
}
