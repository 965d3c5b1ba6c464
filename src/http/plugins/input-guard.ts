import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../../errors.js';
import { jsonValueProblem } from '../../protection/json-value-problem.js';
import { sendError } from './error-envelope.js';

const refused = (message: string, detail?: ErrorDetail) =>
  new AppError('VALIDATION_FAILED', message, detail ? { details: [detail] } : {});

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Fastify's own JSON parse (secure-json-parse, refusing `__proto__` and `constructor.prototype` keys). */
type JsonParse = (
  request: FastifyRequest,
  body: string,
  done: (error: Error | null, value?: unknown) => void,
) => void;

function parseJson(parse: JsonParse, request: FastifyRequest, text: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    parse(request, text, (error, value) => {
      if (!error) return resolve(value);
      if (text.trim().length === 0) return reject(refused('The request body is empty; send a JSON value'));
      try {
        JSON.parse(text);
      } catch {
        return reject(refused('The request body is not valid JSON'));
      }
      reject(refused('The request body must not use "__proto__" or "constructor.prototype" as keys'));
    }),
  );
}

/** The parts of a request other than the body that reach queries: path, query string and headers. */
function urlAndHeaderProblem(request: FastifyRequest): ErrorDetail | undefined {
  const params = jsonValueProblem(request.params, 'params');
  if (params) return params;
  const query = jsonValueProblem(request.query, 'querystring');
  if (query) return query;
  for (const [name, value] of Object.entries(request.headers)) {
    if ((Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && v.includes('\u0000'))) {
      return { path: `headers.${name}`, message: 'must not contain NUL (\\u0000) characters' };
    }
  }
  return undefined;
}

/**
 * Refuses, for every route and before any of it reaches a query, input that PostgreSQL or a later
 * pass would turn into a 500 or silently alter: a body that is not strict UTF-8 JSON, NUL bytes
 * and unpaired surrogates anywhere in the body, path, query string or headers, numbers out of
 * range, JSON nested deeper than MAX_JSON_DEPTH. Register it before any hook that reads input.
 */
export function inputGuardPlugin(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error') as unknown as JsonParse;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer' },
    async (request: FastifyRequest, raw: Buffer) => {
      let text: string;
      try {
        text = strictUtf8.decode(raw);
      } catch {
        throw refused('The request body is not valid UTF-8');
      }
      const body = await parseJson(parse, request, text);
      const problem = jsonValueProblem(body);
      if (problem) throw refused('The request is invalid', problem);
      return body;
    },
  );
  // Callback hooks, not async ones: they run on every request and need no promise of their own.
  app.addHook('onRequest', (request, _reply, done) => {
    const problem = urlAndHeaderProblem(request);
    done(problem ? refused('The request is invalid', problem) : undefined);
  });
  // Ajv's type coercion turns "1e999" into Infinity and then skips its bounds checks for it.
  app.addHook('preHandler', (request, _reply, done) => {
    const problem =
      jsonValueProblem(request.query, 'querystring') ??
      jsonValueProblem(request.params, 'params') ??
      jsonValueProblem(request.body);
    done(problem ? refused('The request is invalid', problem) : undefined);
  });
}

/**
 * Fastify's `frameworkErrors`: a URL it cannot decode (`%FF`) or a path segment over its length
 * limit gets the error envelope like every other refusal, not Fastify's own error body.
 */
export function frameworkErrorEnvelope(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode ?? 500;
  void sendError(
    request,
    reply,
    status < 500
      ? new AppError('VALIDATION_FAILED', 'The request URL is malformed or too long', {
          internal: error.code,
        })
      : new AppError('INTERNAL', 'Something went wrong on our side', { internal: error.message }),
  );
}
