import type { TenantStats } from '../../api/types';
import { ErrorPanel } from '../../components/error-panel';
import { UsageMeter } from '../../components/usage-meter';
import type { ApiGetState } from '../../hooks/use-api-get';

/**
 * The tier's user limit and how much of it is used, shown before it is hit: every user counts,
 * pending invitations included (the API counts them the same way).
 */
export function SeatSummary({ stats }: { stats: ApiGetState<TenantStats> }) {
  if (stats.error) return <ErrorPanel error={stats.error} onRetry={stats.reload} />;
  const users = stats.result?.data.usage.users;
  if (!users) return null;
  const left = users.limit === null ? null : users.limit - users.used;
  return (
    <section className="card seat-summary" aria-labelledby="seats-title">
      <h2 id="seats-title" className="card-title">
        Seats
      </h2>
      <UsageMeter label="Users, pending invitations included" used={users.used} limit={users.limit} />
      {left === null ? (
        <p className="muted">This tier has no user limit.</p>
      ) : left <= 0 ? (
        <p className="notice notice-warn" role="status">
          All {users.limit} seats are taken. New invitations will be refused until you remove a user or revoke
          a pending invitation, or your platform administrator raises this workspace&apos;s limit.
        </p>
      ) : left <= Math.max(1, Math.ceil(users.limit! * 0.2)) ? (
        <p className="notice notice-warn" role="status">
          {left === 1 ? 'One seat is left' : `${left} seats are left`} of {users.limit}. Pending invitations
          take a seat too.
        </p>
      ) : (
        <p className="muted">
          {left} of {users.limit} seats are free.
        </p>
      )}
    </section>
  );
}
