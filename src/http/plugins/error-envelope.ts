import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isConnectionFault } from '../../db/connection-faults.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { pointerToPath } from '../../protection/json-pointer-path.js';

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * One detail per field and problem, in SPEC §5's spelling (`rows[3].date`). A choice among fixed
 * values fails once per value in ajv (`const` in every branch of an `anyOf`); it is told once,
 * with the values.
 */
function detailsOf(validation: ValidationIssue[], context: string | undefined): ErrorDetail[] {
  const allowed = new Map<string, unknown[]>();
  for (const issue of validation)
    if (issue.keyword === 'const') {
      const values = allowed.get(issue.instancePath ?? '') ?? [];
      values.push(issue.params?.allowedValue);
      allowed.set(issue.instancePath ?? '', values);
    }
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const issue of validation) {
    const at = issue.instancePath ?? '';
    const choices = allowed.get(at) ?? [];
    const aChoice = choices.length > 1 && (issue.keyword === 'const' || issue.keyword === 'anyOf');
    if (aChoice && issue.keyword === 'anyOf') continue;
    const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
    const field = `${pointerToPath(at)}${typeof extra === 'string' ? `.${extra}` : ''}`;
    const path = context === 'body' || !context ? field.replace(/^\./, '') : `${context}${field}`;
    const message = aChoice
      ? `must be one of: ${choices.map((value) => JSON.stringify(value)).join(', ')}`
      : typeof issue.params?.additionalProperty === 'string'
        ? 'is not a known field'
        : (issue.message ?? 'is invalid');
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push({ path: path || (context ?? 'body'), message });
  }
  return details;
}

function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (fastifyError.validation) {
    return new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: detailsOf(fastifyError.validation as ValidationIssue[], fastifyError.validationContext),
    });
  }
  if (isConnectionFault(error)) {
    // A dropped connection or a timeout: the transaction rolled back, so a retry starts clean.
    return new AppError('UNAVAILABLE', 'The service is briefly unavailable; retry shortly', {
      internal: error.message,
      headers: { 'Retry-After': '1' },
      cause: error,
    });
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return new AppError('VALIDATION_FAILED', 'The request body is too large');
  if (status === 415) return new AppError('VALIDATION_FAILED', 'The request body must be JSON');
  if (status >= 400 && status < 500) return new AppError('VALIDATION_FAILED', 'The request is malformed');
  return new AppError('INTERNAL', 'Something went wrong on our side', {
    internal: error.message,
    cause: error,
  });
}

/** Sends the error envelope (`ErrorEnvelope` in /docs); the one place any error becomes a response. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (error.headers) reply.headers(error.headers);
  reply.errorCode = error.code;
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.details) body.details = error.details;
  return reply.code(error.status).send({ success: false, error: body, request_id: request.id });
}

/** Turns every error into the envelope; unknown errors become a bare 500 that exposes nothing. */
export function errorEnvelope(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, reason: appError.internal }, 'request refused');
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new AppError('NOT_FOUND', 'No such route')),
  );
}
