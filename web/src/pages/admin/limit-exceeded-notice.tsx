import type { ApiError } from '../../api/api-error';

/** What 403 LIMIT_EXCEEDED means when adding a user, and the ways out of it. */
export function LimitExceededNotice({ error }: { error: ApiError }) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">User limit reached</p>
      <p>{error.message}.</p>
      <p>
        Every user counts against this limit, pending invitations included. To add someone, remove a user or
        revoke a pending invitation first, or ask your platform administrator to move this workspace to a
        higher tier or raise its limit.
      </p>
    </div>
  );
}
