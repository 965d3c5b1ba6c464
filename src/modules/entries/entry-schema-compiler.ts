import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { storableDateFormats } from '../../db/storable-dates.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { pointerToPath } from '../../protection/json-pointer-path.js';
import { schemaPatternProblems } from './check-pattern-safety.js';

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext resolution.
type AddFormats = (ajv: Ajv2020) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

/** The keyword that marks a property as holding the id of an entry of the named type (SPEC §8). */
export const ENTRY_REF = 'x-entry-ref';

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    validateFormats: true,
    // No loadSchema: a `$ref` to another document can never be fetched.
    addUsedSchema: false,
  });
  addFormats(ajv);
  storableDateFormats(ajv);
  ajv.addKeyword({ keyword: ENTRY_REF, schemaType: 'string' });
  // Console hints that change nothing about validity.
  ajv.addKeyword({ keyword: 'x-label', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-list-columns', schemaType: 'array' });
  return ajv;
}

/** One validator per process: compiled schemas are cached below, not in ajv's own registry. */
const ajv = newAjv();

function refProblems(node: unknown, path: string, out: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => refProblems(child, `${path}[${i}]`, out));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === '$ref' || key === '$dynamicRef') && typeof value === 'string' && !value.startsWith('#'))
      out.push(`${path}.${key}: only local references ("#/...") are allowed, not "${value.slice(0, 100)}"`);
    if (key === '$id' && path !== 'schema')
      out.push(`${path}.$id: embedded schema resources are not allowed`);
    if (key === ENTRY_REF && (typeof value !== 'string' || !/^[a-z][a-z0-9_]{0,62}$/.test(value)))
      out.push(`${path}.${key}: must name an entry type key`);
    refProblems(value, `${path}.${key}`, out);
  }
}

const invalidSchema = (details: ErrorDetail[]) =>
  new AppError('VALIDATION_FAILED', 'The schema is not a valid JSON Schema (draft 2020-12)', { details });

/**
 * Checks that `schema` is a JSON Schema (draft 2020-12) object schema an entry type can use: valid
 * against the meta-schema, object-typed at the root, local references only, every `format` known,
 * every `pattern` free of the shapes that backtrack catastrophically (check-pattern-safety.ts).
 * Throws 400 with details naming where the schema is wrong.
 */
export function checkEntrySchema(schema: Record<string, unknown>): void {
  if (schema.type !== 'object')
    throw invalidSchema([{ path: 'schema.type', message: 'must be "object": an entry is an object' }]);
  const refs: string[] = [];
  refProblems(schema, 'schema', refs);
  if (refs.length > 0)
    throw invalidSchema(
      refs.map((line) => ({ path: line.split(':')[0]!, message: line.slice(line.indexOf(':') + 2) })),
    );
  let valid: boolean;
  try {
    valid = ajv.validateSchema(schema) as boolean;
  } catch (error) {
    throw invalidSchema([
      {
        path: 'schema.$schema',
        message: error instanceof Error ? error.message.slice(0, 200) : 'unknown meta-schema',
      },
    ]);
  }
  if (!valid) {
    throw invalidSchema(
      (ajv.errors ?? []).slice(0, 20).map((e) => ({
        path: `schema${pointerToPath(e.instancePath)}`,
        message: e.message ?? 'is invalid',
      })),
    );
  }
  const patterns = schemaPatternProblems(schema);
  if (patterns.length > 0) throw invalidSchema(patterns.slice(0, 20));
  try {
    ajv.compile(withoutId(schema));
  } catch (error) {
    throw invalidSchema([
      {
        path: 'schema',
        message: error instanceof Error ? error.message.slice(0, 300) : 'cannot be compiled',
      },
    ]);
  }
}

function withoutId(schema: Record<string, unknown>): Record<string, unknown> {
  // A root `$id` would register the schema globally in ajv; types of two tenants may share one.
  if (!('$id' in schema)) return schema;
  const copy = { ...schema };
  delete copy.$id;
  return copy;
}

const cache = new Map<string, ValidateFunction>();
const CACHE_MAX = 2000;

/**
 * The compiled validator of one version of a tenant's type: keyed by tenant, key and `updated_at`,
 * so a changed type (in this process or another) compiles afresh and the old one ages out.
 */
export function validatorFor(
  tenantId: string,
  type: { key: string; schema: Record<string, unknown>; updated_at: Date },
): ValidateFunction {
  const cacheKey = `${tenantId}\u0001${type.key}\u0001${type.updated_at.getTime()}`;
  let validate = cache.get(cacheKey);
  if (validate) {
    cache.delete(cacheKey);
    cache.set(cacheKey, validate);
    return validate;
  }
  validate = ajv.compile(withoutId(type.schema));
  cache.set(cacheKey, validate);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return validate;
}

/** Drops every cached version of a tenant's type (after a change or a delete in this process). */
export function forgetValidators(tenantId: string, key: string): void {
  const prefix = `${tenantId}\u0001${key}\u0001`;
  for (const cacheKey of cache.keys()) if (cacheKey.startsWith(prefix)) cache.delete(cacheKey);
}

/** Compiles a schema without caching it (a proposed change checked against existing entries). */
export function compileUncached(schema: Record<string, unknown>): ValidateFunction {
  return ajv.compile(withoutId(schema));
}

/** ajv's errors as SPEC §5 details under `data`, one per field (the first problem of each). */
export function dataDetails(errors: ErrorObject[] | null | undefined): ErrorDetail[] {
  const byPath = new Map<string, string>();
  for (const error of errors ?? []) {
    let path = `data${pointerToPath(error.instancePath)}`;
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') path += `.${String(params.missingProperty)}`;
    if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
      const extra = params.additionalProperty ?? params.unevaluatedProperty;
      path += `.${String(extra)}`;
      if (!byPath.has(path)) byPath.set(path, 'is not a field of this type');
      continue;
    }
    if (error.keyword === 'required' && !byPath.has(path)) {
      byPath.set(path, 'is required');
      continue;
    }
    if (!byPath.has(path)) byPath.set(path, error.message ?? 'is invalid');
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}
