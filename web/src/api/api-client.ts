import { actingTenantStore } from './acting-tenant-store';
import { ApiError } from './api-error';
import { type SessionAnswer, sessionStore } from './session-store';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** X-Tenant-ID: the acting tenant by default (platform administrators), `null` for none. */
  tenant?: string | null;
  signal?: AbortSignal;
}

/** A success envelope (SPEC §5): the data, the pagination of lists, and the resolved tenant. */
export interface ApiResult<T> {
  data: T;
  pagination?: Record<string, unknown>;
  tenantId?: string;
}

export function buildQuery(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

let refreshing: Promise<boolean> | null = null;
let refusedWith: string | null = null;

/**
 * Why the last refresh failed, said to the person: a suspended workspace is not an expired
 * session, and "sign in again" would only fail again.
 */
export function sessionEndReason(): string {
  if (refusedWith === 'TENANT_SUSPENDED')
    return 'This workspace is suspended. Contact your platform administrator to resume it.';
  if (refusedWith === 'TENANT_NOT_FOUND') return 'This workspace no longer exists.';
  return 'Your session has ended. Sign in again to continue.';
}

/** Spends the stored refresh token once for all concurrent callers; false when the session is over. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const token = sessionStore.refreshToken();
    if (!token) return false;
    try {
      const response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refresh_token: token }),
      });
      if (!response.ok) {
        refusedWith = await response
          .json()
          .then((body: { error?: { code?: string } }) => body.error?.code ?? null)
          .catch(() => null);
        return false;
      }
      refusedWith = null;
      const envelope = (await response.json()) as { data: SessionAnswer };
      sessionStore.start(envelope.data);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function headersFor(path: string, options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const session = sessionStore.get();
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  const tenant =
    options.tenant !== undefined
      ? options.tenant
      : session?.kind === 'platform_admin' && !path.startsWith('/auth/')
        ? actingTenantStore.get()
        : null;
  if (tenant) headers['x-tenant-id'] = tenant;
  return headers;
}

async function errorFrom(response: Response, endpoint: string): Promise<ApiError> {
  const retry = Number(response.headers.get('retry-after')) || undefined;
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: { path: string; message: string }[] };
      request_id?: string;
    };
    const error = body.error ?? {};
    return new ApiError(
      response.status,
      error.code ?? 'INTERNAL',
      error.message ?? `The server answered ${response.status}`,
      error.details ?? [],
      body.request_id,
      retry,
      endpoint,
    );
  } catch {
    return new ApiError(
      response.status,
      response.status >= 500 ? 'INTERNAL' : 'NOT_FOUND',
      'No such route',
      [],
      undefined,
      retry,
      endpoint,
    );
  }
}

/**
 * Calls the public API under /api/v1 with the session's bearer token. A 401 is answered by one
 * refresh of the session and one retry; if that fails too the session ends.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const method = options.method ?? 'GET';
  const endpoint = `${method} /api/v1${path.split('?')[0]}`;
  const send = () =>
    fetch(`/api/v1${path}${buildQuery(options.query)}`, {
      method,
      headers: headersFor(path, options),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  let response: Response;
  try {
    response = await send();
    const renewable = !path.startsWith('/auth/login') && !path.startsWith('/auth/refresh');
    if (response.status === 403 && renewable && sessionStore.get()) {
      // A suspended workspace: the token is still good, but nothing inside can be used.
      const code = await response
        .clone()
        .json()
        .then((body: { error?: { code?: string } }) => body.error?.code)
        .catch(() => undefined);
      if (code === 'TENANT_SUSPENDED' && sessionStore.get()?.kind === 'tenant_user') {
        refusedWith = code;
        sessionStore.end(sessionEndReason());
      }
    }
    if (response.status === 401 && renewable && sessionStore.get()) {
      if (await refreshSession()) response = await send();
      else sessionStore.end(sessionEndReason());
    }
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server', [], undefined, undefined, endpoint);
  }
  if (!response.ok) throw await errorFrom(response, endpoint);
  if (response.status === 204) return { data: undefined as T };
  const envelope = (await response.json()) as {
    data: T;
    pagination?: Record<string, unknown>;
    tenant_id?: string;
  };
  return { data: envelope.data, pagination: envelope.pagination, tenantId: envelope.tenant_id };
}

/**
 * A file from the API (an export archive, at a URL the API gave): fetched with the session's
 * token, since a plain link could not send it, then handed to the browser as a download.
 */
export async function downloadFile(url: string, filename: string): Promise<void> {
  if (!url.startsWith('/api/'))
    throw new ApiError(0, 'INTERNAL', 'The server gave an unexpected download address');
  const session = sessionStore.get();
  const response = await fetch(url, {
    headers: session ? { authorization: `Bearer ${session.accessToken}` } : {},
  });
  if (!response.ok) throw await errorFrom(response, `GET ${url.split('?')[0]}`);
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = named ?? filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
