import { randomUUID } from 'node:crypto';
import { PERMISSION_FORMAT, permissionCatalogue } from '../../src/identity/permissions.js';
import { DEFAULT_BUSINESS_DOMAIN } from '../../src/tenancy/product-catalogue.js';
import { BUSINESS_DOMAIN_FORMAT } from '../../src/tenancy/tiers.js';

type Schema = Record<string, unknown>;

/** Thrown when a schema needs a value this generator cannot invent: the suite fails, never skips. */
export class UnsampleableSchemaError extends Error {}

function sampleString(schema: Schema, text: string, path: string): string {
  let value: string;
  switch (schema.format) {
    case 'email':
      value = `${text}@example.test`;
      break;
    case 'uri':
    case 'url':
      value = `https://example.test/${text}`;
      break;
    case 'uuid':
      value = randomUUID();
      break;
    case 'date-time':
      value = new Date().toISOString();
      break;
    case 'date':
      value = new Date().toISOString().slice(0, 10);
      break;
    // Declared by the registered modules: any declared one is valid.
    case PERMISSION_FORMAT:
      value = permissionCatalogue()[0]!;
      break;
    case BUSINESS_DOMAIN_FORMAT:
      value = DEFAULT_BUSINESS_DOMAIN;
      break;
    case undefined:
      value = text;
      break;
    default:
      throw new UnsampleableSchemaError(`${path}: no sample for string format "${String(schema.format)}"`);
  }
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  if (schema.format === undefined) value = value.padEnd(min, 'x').slice(0, max);
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    throw new UnsampleableSchemaError(`${path}: "${value}" does not match ${schema.pattern}`);
  }
  return value;
}

function sampleObject(schema: Schema, text: string, path: string): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const result: Record<string, unknown> = {};
  for (const key of required) result[key] = sampleValue(properties[key] ?? {}, text, `${path}.${key}`);
  // An update body has no required field but must carry at least one.
  const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
  for (const [key, property] of Object.entries(properties)) {
    if (Object.keys(result).length >= minProperties) break;
    if (key in result) continue;
    try {
      result[key] = sampleValue(property, text, `${path}.${key}`);
    } catch (error) {
      if (!(error instanceof UnsampleableSchemaError)) throw error;
    }
  }
  if (Object.keys(result).length < minProperties) {
    throw new UnsampleableSchemaError(`${path}: cannot fill ${minProperties} properties`);
  }
  return result;
}

/**
 * A value that a TypeBox (JSON Schema) route schema accepts, built from the schema alone: required
 * fields filled, literals and enums take their first value, plain strings carry `text` so a test
 * can look for it in other responses.
 */
export function sampleValue(schema: Schema, text: string, path = 'body'): unknown {
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (choices) {
    for (const choice of [...choices.filter((c) => c.type !== 'null'), ...choices]) {
      try {
        return sampleValue(choice, text, path);
      } catch (error) {
        if (!(error instanceof UnsampleableSchemaError)) throw error;
      }
    }
    throw new UnsampleableSchemaError(`${path}: no member of the union can be sampled`);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return sampleObject(schema, text, path);
    case 'string':
      return sampleString(schema, text, path);
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: count }, (_, i) =>
        sampleValue((schema.items ?? {}) as Schema, text, `${path}.${i}`),
      );
    }
    case undefined:
      return text; // an unconstrained value (Type.Unknown) accepts anything
    default:
      throw new UnsampleableSchemaError(`${path}: no sample for type "${String(type)}"`);
  }
}
