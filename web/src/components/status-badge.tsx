const TONES: Record<string, string> = {
  active: 'good',
  building: 'info',
  provisioning: 'info',
  pending: 'warn',
  invited: 'warn',
  paused: 'warn',
  deleting: 'warn',
  failed: 'bad',
  suspended: 'bad',
  rejected: 'bad',
  revoked: 'muted',
  running: 'info',
  done: 'good',
  approved: 'good',
  stopped: 'muted',
  disabled: 'muted',
  deleted: 'muted',
};

/** A status word with a colour that repeats, never replaces, the word (colour-blind safe). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${TONES[status] ?? 'muted'}`}>{status}</span>;
}
