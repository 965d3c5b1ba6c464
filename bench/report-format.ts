/** Number formats the report's tables share, so every section rounds alike. */
export const ms = (value: number) => value.toFixed(1);
export const int = (value: number) => Math.round(value).toLocaleString('en-US');
export const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
export const range = (values: number[], format: (v: number) => string) =>
  `${format(Math.min(...values))}–${format(Math.max(...values))}`;

/** The failure count with the statuses behind it, so a 429 storm reads differently from resets. */
export function failures(count: number, statuses: Record<string, number>): string {
  if (count === 0) return '0';
  const odd = Object.entries(statuses).filter(([status]) => !status.startsWith('2'));
  return `${count} (${odd.map(([status, n]) => `${status}×${n}`).join(', ') || 'socket errors'})`;
}

/** Server CPU per request as total (Node + PostgreSQL), or Node alone when PostgreSQL is not measurable. */
export function cpuText(cpu: { node: number; postgres: number | undefined }): string {
  const node = cpu.node.toFixed(2);
  return cpu.postgres === undefined
    ? `${node} + n/a`
    : `${(cpu.node + cpu.postgres).toFixed(2)} (${node} + ${cpu.postgres.toFixed(2)})`;
}
