import { api } from '../api/api-client';
import { type Session, type SessionAnswer, sessionStore } from '../api/session-store';

export interface LoginInput {
  email: string;
  password: string;
  tenant_id?: string;
  totp?: string;
  recovery_code?: string;
}

/** Signs in (a tenant user when tenant_id names one, a platform administrator otherwise). */
export async function signIn(input: LoginInput): Promise<Session> {
  const { data } = await api<SessionAnswer>('/auth/login', { method: 'POST', body: input, tenant: null });
  return sessionStore.start(data);
}

/** Ends the session on the server too, so its refresh token can never be used again. */
export async function signOut(): Promise<void> {
  const token = sessionStore.refreshToken();
  sessionStore.end();
  if (token) {
    await api('/auth/logout', { method: 'POST', body: { refresh_token: token }, tenant: null }).catch(
      () => undefined,
    );
  }
}
