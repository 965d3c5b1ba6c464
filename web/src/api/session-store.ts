/** Who is signed in: the access token lives only in memory, the refresh token in localStorage. */
export interface Session {
  accessToken: string;
  expiresAt: number;
  user: { id: string; email: string; roles: string[] };
  tenantId: string | null;
  kind: 'platform_admin' | 'tenant_user';
  /** The token only opens MFA enrolment (REQUIRE_ADMIN_MFA). */
  mfaSetupRequired: boolean;
}

/** Login and refresh answer with this (SPEC §5). */
export interface SessionAnswer {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  user: { id: string; email: string; roles: string[] };
  tenant_id: string | null;
  mfa_setup_required?: boolean;
}

const REFRESH_KEY = 'tenantbase.refresh_token';

/** Platform staff roles (SPEC §8); a platform session holds one of them and no tenant. */
export const PLATFORM_ROLES = ['platform_admin', 'platform_support', 'platform_billing'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** The platform role of a session, or null for a tenant user. */
export function platformRoleOf(session: Session | null): PlatformRole | null {
  if (session?.kind !== 'platform_admin') return null;
  return (PLATFORM_ROLES as readonly string[]).find((role) =>
    session.user.roles.includes(role),
  ) as PlatformRole;
}
type Listener = () => void;

let current: Session | null = null;
let endedReason: string | null = null;
const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** The store React reads with useSyncExternalStore; the API client reads and updates it too. */
export const sessionStore = {
  get: (): Session | null => current,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  refreshToken: (): string | null => localStorage.getItem(REFRESH_KEY),
  /** Why the last session ended without the person signing out (shown on the sign-in page). */
  endedReason: (): string | null => endedReason,
  start(answer: SessionAnswer): Session {
    const admin =
      answer.tenant_id === null &&
      answer.user.roles.some((role) => (PLATFORM_ROLES as readonly string[]).includes(role));
    current = {
      accessToken: answer.access_token,
      expiresAt: Date.now() + answer.expires_in * 1000,
      user: answer.user,
      tenantId: answer.tenant_id,
      kind: admin ? 'platform_admin' : 'tenant_user',
      mfaSetupRequired: answer.mfa_setup_required === true,
    };
    if (answer.refresh_token) localStorage.setItem(REFRESH_KEY, answer.refresh_token);
    else localStorage.removeItem(REFRESH_KEY);
    endedReason = null;
    emit();
    return current;
  },
  end(reason: string | null = null): void {
    current = null;
    endedReason = reason;
    localStorage.removeItem(REFRESH_KEY);
    emit();
  },
};
