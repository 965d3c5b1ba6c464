import { useState } from 'react';
import { api } from '../../api/api-client';
import type { User } from '../../api/types';

interface UserRoleSelectProps {
  user: User;
  roles: string[];
  onChanged: () => void;
  onError: (error: unknown) => void;
  /** The only owner's own role: demoting it would leave the workspace without an owner. */
  locked?: boolean;
}

/** Changes a user's role in place (PATCH roles); the API refuses granting more than you hold. */
export function UserRoleSelect({ user, roles, onChanged, onError, locked = false }: UserRoleSelectProps) {
  const [pending, setPending] = useState(false);
  const current = user.roles[0] ?? '';
  const options = roles.includes(current) || !current ? roles : [current, ...roles];
  return (
    <select
      aria-label={`Role of ${user.email}`}
      value={current}
      disabled={pending || locked}
      title={locked ? 'You are the only owner: make someone else owner first.' : undefined}
      onChange={(event) => {
        setPending(true);
        api(`/users/${user.id}`, { method: 'PATCH', body: { roles: [event.target.value] } })
          .then(onChanged, onError)
          .finally(() => setPending(false));
      }}
    >
      {options.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </select>
  );
}
