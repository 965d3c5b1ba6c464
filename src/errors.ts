import { validate as isUuid } from 'uuid';

/** The closed list of error codes (README, Architecture) and the HTTP status each one answers with. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  TENANT_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TENANT_MISMATCH: 403,
  TENANT_SUSPENDED: 403,
  FEATURE_DISABLED: 403,
  LIMIT_EXCEEDED: 403,
  NOT_FOUND: 404,
  TENANT_NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * The one error type of Tenantbase. `message` is shown to the caller and so must never name
 * another tenant's data; `internal` goes to the log only.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;
  readonly internal: string | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      details?: ErrorDetail[];
      internal?: string;
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.details = options.details;
    this.internal = options.internal;
    this.headers = options.headers;
  }
}

export const notFound = (what = 'Resource'): AppError => new AppError('NOT_FOUND', `${what} not found`);

/**
 * The row a lookup by uuid found, or NOT_FOUND naming only what was sought. A malformed id is
 * looked up nowhere (the uuid cast would fail as a 500), and a row outside the caller's scope
 * answers exactly as a missing one.
 */
export async function findOrNotFound<T>(
  what: string,
  id: string,
  find: (id: string) => Promise<T | undefined>,
): Promise<T> {
  if (!isUuid(id)) throw notFound(what);
  const row = await find(id);
  if (!row) throw notFound(what);
  return row;
}

export const validationFailed = (path: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', { details: [{ path, message }] });
