import { Secret, TOTP } from 'otpauth';
import type { TestInstance } from '../../support/test-instance.js';

/** Calls the API through inject() and returns `data`, failing loudly on any other status. */
export async function call<T = Record<string, unknown>>(
  tb: TestInstance,
  token: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await tb.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { authorization: `Bearer ${token}`, ...headers },
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return (response.body ? response.json().data : undefined) as T;
}

/** A TOTP code for `secret` at `offsetSteps` steps from now (codes work once per step). */
export function totpCode(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** Turns MFA on for the signed-in user of `token`; returns the secret. */
export async function enrollMfa(tb: TestInstance, token: string): Promise<string> {
  const { secret } = await call<{ secret: string }>(tb, token, 'POST', '/auth/mfa/enroll');
  await call(tb, token, 'POST', '/auth/mfa/confirm', { totp: totpCode(secret) });
  return secret;
}
