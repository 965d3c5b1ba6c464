/** Chart colours per status, each at least 3:1 against white (WCAG non-text contrast). */
export const STATUS_COLORS: Record<string, string> = {
  active: '#1a7f37',
  building: '#2451b3',
  pending: '#9a6700',
  failed: '#c62828',
  stopped: '#57606a',
  paused: '#b35900',
  disabled: '#57606a',
};

export function statusColor(status: string): string {
  return STATUS_COLORS[status] ?? '#6e7781';
}
