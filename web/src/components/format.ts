const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO time as the reader's locale shows it. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** A limit where null means unlimited (SPEC §3). */
export function formatLimit(limit: number | null | undefined, unit = ''): string {
  if (limit === null || limit === undefined) return 'unlimited';
  return `${limit.toLocaleString()}${unit}`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return 'unlimited';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })} ${units[unit]}`;
}

/** `snake_case` keys as words: `seed_identity` → `Seed identity`. */
export function humanize(key: string): string {
  const words = key.replace(/[_:-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A feature key as people say it; an unknown key (an adopter's own) is humanized. */
export function featureName(key: string, names: Record<string, string>): string {
  return names[key] ?? humanize(key);
}
