import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './use-session';

/** Pages behind sign-in: without a session, go to sign-in and come back here afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.mfaSetupRequired && location.pathname !== '/account') {
    return <Navigate to="/account" replace />;
  }
  return <Outlet />;
}
