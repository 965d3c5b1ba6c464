import type { LightMyRequestResponse } from 'fastify';
import { decodeJwt } from 'jose';
import { Secret, TOTP } from 'otpauth';
import type { TestInstance } from '../support/test-instance.js';

export interface CallOptions {
  token?: string;
  address?: string;
  headers?: Record<string, string>;
}

/** A JSON POST through inject(), optionally signed in and from a chosen source address. */
export function post(
  tb: TestInstance,
  url: string,
  payload: Record<string, unknown>,
  options: CallOptions = {},
): Promise<LightMyRequestResponse> {
  return tb.app.inject({
    method: 'POST',
    url,
    payload,
    remoteAddress: options.address ?? '127.0.0.1',
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
  });
}

/** GET /api/v1/auth/me with a bearer token: the route every token test signs in to. */
export function me(tb: TestInstance, token: string): Promise<LightMyRequestResponse> {
  return tb.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
}

export function loginCall(
  tb: TestInstance,
  body: Record<string, unknown>,
  address?: string,
): Promise<LightMyRequestResponse> {
  return post(tb, '/api/v1/auth/login', body, address ? { address } : {});
}

export function refreshCall(tb: TestInstance, refreshToken: string): Promise<LightMyRequestResponse> {
  return post(tb, '/api/v1/auth/refresh', { refresh_token: refreshToken });
}

/** The session of a login that must succeed. */
export async function session(tb: TestInstance, body: Record<string, unknown>, address?: string) {
  const response = await loginCall(tb, body, address);
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  return response.json().data as {
    access_token: string;
    refresh_token?: string;
    user: { id: string; email: string; roles: string[] };
    tenant_id: string | null;
    mfa_setup_required?: boolean;
  };
}

export const claimsOf = (token: string) => decodeJwt(token) as Record<string, unknown>;

/** The TOTP code an authenticator app shows `steps` periods from now. */
export function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}
