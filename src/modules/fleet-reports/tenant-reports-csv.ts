import type { TenantReport } from './fleet-reports.schema.js';

const COLUMNS: Array<keyof TenantReport> = [
  'tenant_id',
  'name',
  'tier',
  'isolation',
  'status',
  'users',
  'storage_bytes',
  'requests_24h',
  'errors_24h',
  'server_errors_24h',
  'p95_ms_24h',
  'last_active_at',
];

/**
 * One CSV field (RFC 4180). A text starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with
 * `'` so a spreadsheet never runs a tenant's name as a formula.
 */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV header line. */
export const csvHeader = (): string => `${COLUMNS.join(',')}\r\n`;

/** CSV lines of report rows. */
export const csvLines = (rows: TenantReport[]): string =>
  rows.map((row) => `${COLUMNS.map((column) => field(row[column])).join(',')}\r\n`).join('');
