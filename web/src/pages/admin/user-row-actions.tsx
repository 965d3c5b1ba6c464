import type { User } from '../../api/types';
import { RowActions } from '../../lists/row-actions';

interface UserRowActionsProps {
  user: User;
  /** The signed-in person's own row: disabling or removing yourself would lock you out mid-task. */
  self: boolean;
  onProfile: () => void;
  onDisable: () => void;
  onEnable: () => void;
  onRemove: () => void;
}

/** The acts a row offers; none that the server can only refuse (yourself, the last owner). */
export function UserRowActions({
  user,
  self,
  onProfile,
  onDisable,
  onEnable,
  onRemove,
}: UserRowActionsProps) {
  return (
    <div className="row-actions">
      <button
        type="button"
        className="button button-secondary button-small"
        aria-label={`Edit the profile of ${user.email}`}
        onClick={onProfile}
      >
        Profile
      </button>
      {user.status === 'active' && !self && (
        <button
          type="button"
          className="button button-secondary button-small"
          aria-label={`Disable ${user.email}`}
          onClick={onDisable}
        >
          Disable
        </button>
      )}
      {user.status === 'disabled' && (
        <button
          type="button"
          className="button button-secondary button-small"
          aria-label={`Enable ${user.email}`}
          onClick={onEnable}
        >
          Enable
        </button>
      )}
      {!self && (
        <RowActions
          name={user.email}
          onDelete={onRemove}
          deleteLabel={user.status === 'invited' ? 'Revoke' : 'Remove'}
        />
      )}
      {self && <span className="muted">you</span>}
    </div>
  );
}
