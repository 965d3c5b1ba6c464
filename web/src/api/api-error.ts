import { readableMessages } from './validation-messages';

/** One field problem from a VALIDATION_FAILED answer (SPEC §5). */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** An error answer of the API (or a network failure, code `NETWORK`), with what the envelope said. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId: string | undefined = undefined,
    readonly retryAfterSeconds: number | undefined = undefined,
    readonly endpoint = '',
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The route itself does not exist on this server (a feature not shipped yet), not a missing row. */
  get endpointMissing(): boolean {
    return this.code === 'NOT_FOUND' && this.message === 'No such route';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The details of a VALIDATION_FAILED answer that concern one form field (or its children). */
export function fieldErrors(error: unknown, field: string): string[] {
  if (!isApiError(error)) return [];
  return readableMessages(
    error.details
      .filter((d) => d.path === field || d.path.startsWith(`${field}.`) || d.path.startsWith(`${field}[`))
      .map((d) => d.message),
  );
}

/** Details that no field of the form shows, so the form can list them above its buttons. */
export function otherFieldErrors(error: unknown, fields: readonly string[]): string[] {
  if (!isApiError(error)) return [];
  return error.details
    .filter(
      (d) => !fields.some((f) => d.path === f || d.path.startsWith(`${f}.`) || d.path.startsWith(`${f}[`)),
    )
    .map((d) => `${d.path}: ${d.message}`);
}
