import { type ReactNode, useEffect, useState } from 'react';
import { refreshSession, sessionEndReason } from '../api/api-client';
import { sessionStore } from '../api/session-store';
import { LoadingState } from '../components/loading-state';

/**
 * On a reload the access token is gone (it lives in memory only); a stored refresh token brings
 * the session back before any page renders, so deep links open where they point.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [restoring, setRestoring] = useState(
    () => !sessionStore.get() && sessionStore.refreshToken() !== null,
  );
  useEffect(() => {
    if (!restoring) return;
    void refreshSession().then((ok) => {
      if (!ok) sessionStore.end(sessionEndReason());
      setRestoring(false);
    });
  }, [restoring]);
  if (restoring) {
    return (
      <main className="centered-page">
        <LoadingState label="Restoring your session…" />
      </main>
    );
  }
  return <>{children}</>;
}
