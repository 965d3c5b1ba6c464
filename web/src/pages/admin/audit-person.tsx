import type { ReactNode } from 'react';
import type { AuditEntry } from '../../api/types';

const ACTORS: Record<string, string> = {
  tenant_user: 'a user',
  platform_admin: 'a platform administrator',
  api_key: 'an API key',
  system: 'the system',
};

/** An id shortened for tables; the whole id is in the tooltip. */
export function ShortId({ id }: { id: string | null }) {
  if (!id) return null;
  return (
    <code className="muted" title={id}>
      {id.length > 13 ? `${id.slice(0, 8)}…` : id}
    </code>
  );
}

/** Who acted, as people know them: name and email; the id only when the person is unknown (deleted, API key). */
export function personOf(
  entry: Pick<AuditEntry, 'actor_type' | 'actor_id' | 'actor_email' | 'actor_name'>,
): ReactNode {
  if (entry.actor_email) {
    return entry.actor_name ? (
      <span title={entry.actor_id ?? undefined}>
        {entry.actor_name} <span className="muted">{entry.actor_email}</span>
      </span>
    ) : (
      <span title={entry.actor_id ?? undefined}>{entry.actor_email}</span>
    );
  }
  return (
    <>
      {ACTORS[entry.actor_type] ?? entry.actor_type} <ShortId id={entry.actor_id} />
    </>
  );
}
