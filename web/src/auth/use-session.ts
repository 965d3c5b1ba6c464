import { useSyncExternalStore } from 'react';
import { type Session, sessionStore } from '../api/session-store';

/** The signed-in session, re-rendering when it starts, refreshes or ends. */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
