import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isConnectionFault } from '../../db/connection-faults.js';
import { AppError, type ErrorDetail } from '../../errors.js';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function detailsOf(validation: ValidationIssue[], context: string | undefined): ErrorDetail[] {
  return validation.map((issue) => {
    const base = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
    const path = [context === 'body' ? '' : context, base, typeof extra === 'string' ? extra : '']
      .filter(Boolean)
      .join('.');
    const message =
      typeof issue.params?.additionalProperty === 'string'
        ? 'is not a known field'
        : (issue.message ?? 'is invalid');
    return { path: path || (context ?? 'body'), message };
  });
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
