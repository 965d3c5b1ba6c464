import { AjvCompiler, type BuildCompilerFromPool } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';
import { storableDateFormats } from '../db/storable-dates.js';

/** What Fastify hands a validator compiler at run time (its types name only ajv's `compile`). */
type RouteValidation = { schema: unknown; method: string; url: string; httpPart: string };
type CompileFor = (route: RouteValidation) => unknown;

/**
 * Fastify's validators, with one rule changed: a JSON body is taken as sent. Query strings, path
 * parameters and headers are text on the wire, so `?per_page=5` still becomes a number there; a
 * body saying `"horizon_days": "7"` or `true` is a wrong type and gets 400, not a quiet 7 or 1.
 * Dates are held to what PostgreSQL can store (storable-dates.ts).
 */
export function requestValidators(
  customOptions: Record<string, unknown>,
): NonNullable<FastifyServerOptions['schemaController']> {
  const fromPool: BuildCompilerFromPool = AjvCompiler();
  const buildValidator = (externalSchemas: Parameters<BuildCompilerFromPool>[0]) => {
    const build = (coerceTypes: false | 'array') =>
      fromPool(externalSchemas, {
        customOptions: { ...customOptions, coerceTypes },
        onCreate: storableDateFormats,
      }) as unknown as CompileFor;
    const coercing = build('array');
    const exact = build(false);
    const compile: CompileFor = (route) => (route.httpPart === 'body' ? exact : coercing)(route);
    return compile;
  };
  return { compilersFactory: { buildValidator: buildValidator as unknown as BuildCompilerFromPool } };
}
