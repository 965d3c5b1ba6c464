import { Link, useNavigate } from 'react-router';
import type { Session } from '../api/session-store';
import { signOut } from '../auth/auth-api';

/** Who is signed in, their security settings and the way out. */
export function UserMenu({ session }: { session: Session }) {
  const navigate = useNavigate();
  return (
    <div className="user-menu">
      <Link to="/account" className="user-email" title="Account security">
        {session.user.email}
      </Link>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => {
          void signOut().then(() => navigate('/sign-in'));
        }}
      >
        Sign out
      </button>
    </div>
  );
}
