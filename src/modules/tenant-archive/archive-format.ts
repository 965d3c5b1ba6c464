import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AppError } from '../../errors.js';
import { jsonValueProblem } from '../../protection/json-value-problem.js';

/**
 * A tenant archive (README "Tenant archives"): gzip of UTF-8 JSON lines. Line 1 is the manifest;
 * then, table by table in manifest order, one line per row, `{"table":"<name>","row":<row>}`, where
 * `<row>` is PostgreSQL's jsonb text of the row without `tenant_id`, rows sorted by primary key.
 */
export const ARCHIVE_FORMAT = 'tenantbase-archive';
export const ARCHIVE_VERSION = 1;
export const ARCHIVE_CONTENT_TYPE = 'application/gzip';

const Identifier = Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$' });

/** One table's entry in the manifest; `sha256` covers every row text followed by "\n", in order. */
export const ArchiveTable = Type.Object({
  name: Identifier,
  columns: Type.Array(Identifier),
  primary_key: Type.Array(Identifier),
  rows: Type.Integer({ minimum: 0 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});
export type ArchiveTable = Static<typeof ArchiveTable>;

export const ArchiveManifest = Type.Object({
  format: Type.Literal(ARCHIVE_FORMAT),
  version: Type.Literal(ARCHIVE_VERSION),
  created_at: Type.String(),
  /** The source tenant's registry entry: defaults for a tenant the import creates. */
  tenant: Type.Object({
    id: Type.String(),
    name: Type.String(),
    tier: Type.String(),
    isolation: Type.String(),
    business_domain: Type.String(),
    feature_overrides: Type.Record(Type.String(), Type.Boolean()),
    branding: Type.Record(Type.String(), Type.Unknown()),
    settings: Type.Record(Type.String(), Type.Unknown()),
    limit_overrides: Type.Record(Type.String(), Type.Unknown()),
  }),
  /** Tenant migrations the source storage had applied, as `<module>:<id>`. */
  migrations: Type.Array(Type.String()),
  tables: Type.Array(ArchiveTable),
});
export type ArchiveManifest = Static<typeof ArchiveManifest>;

/** One data line; the row text goes in verbatim so nothing is lost to JavaScript numbers. */
export function dataLine(table: string, rowText: string): string {
  return `{"table":${JSON.stringify(table)},"row":${rowText}}\n`;
}

const DATA_LINE = /^\{"table":"([a-z_][a-z0-9_]{0,62})","row":(\{.*\})\}$/;

export const damaged = (message: string, internal?: string): AppError =>
  new AppError('VALIDATION_FAILED', `The archive is damaged or not a Tenantbase archive: ${message}`, {
    internal,
  });

/** Splits a data line into its table and the exact row text the checksum covers. */
export function parseDataLine(line: string, lineNumber: number): { table: string; row: string } {
  const match = DATA_LINE.exec(line);
  if (!match) throw damaged(`line ${lineNumber} is not a data line`);
  return { table: match[1]!, row: match[2]! };
}

/** Parses and checks line 1; anything unexpected is a 400, never a crash. */
export function parseManifest(line: string | undefined): ArchiveManifest {
  let value: unknown;
  try {
    value = JSON.parse(line ?? '');
  } catch {
    throw damaged('the first line is not a JSON manifest');
  }
  if (!Value.Check(ArchiveManifest, value)) {
    const first = [...Value.Errors(ArchiveManifest, value)][0];
    throw damaged(
      `the manifest is invalid at ${first?.path || '/'}: ${first?.message ?? 'unexpected value'}`,
    );
  }
  // Its settings and branding are stored as they are: held to the same rules as a request body.
  const problem = jsonValueProblem(value, 'manifest');
  if (problem) throw damaged(`the manifest is invalid at ${problem.path}: ${problem.message}`);
  const names = value.tables.map((table) => table.name);
  if (new Set(names).size !== names.length) throw damaged('the manifest lists a table twice');
  return value;
}
