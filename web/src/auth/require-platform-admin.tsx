import { Outlet } from 'react-router';
import { EmptyState } from '../components/empty-state';
import { useSession } from './use-session';

/** The platform console: only for platform administrators; anyone else is told so plainly. */
export function RequirePlatformAdmin() {
  const session = useSession();
  if (session?.kind !== 'platform_admin') {
    return (
      <EmptyState title="This page is for platform administrators">
        <p>You are signed in to a workspace. Its pages are in the menu.</p>
      </EmptyState>
    );
  }
  return <Outlet />;
}
