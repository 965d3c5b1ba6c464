import { sql } from 'kysely';
import { validate as isUuid } from 'uuid';
import type { ErrorDetail } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { ENTRY_REF } from './entry-schema-compiler.js';

interface EntryRef {
  type: string;
  id: string;
  path: string;
}

type Schema = Record<string, unknown>;

function collect(schema: unknown, value: unknown, path: string, out: EntryRef[]): void {
  if (schema === null || typeof schema !== 'object') return;
  const node = schema as Schema;
  const target = node[ENTRY_REF];
  if (typeof target === 'string' && typeof value === 'string') out.push({ type: target, id: value, path });
  if (Array.isArray(value) && node.items && typeof node.items === 'object') {
    value.forEach((item, i) => collect(node.items, item, `${path}[${i}]`, out));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && node.properties) {
    const properties = node.properties as Record<string, unknown>;
    for (const [key, child] of Object.entries(value as Record<string, unknown>))
      if (Object.hasOwn(properties, key)) collect(properties[key], child, `${path}.${key}`, out);
  }
}

/**
 * Every `x-entry-ref` property of `data` must hold the id of an entry of the named type in the
 * scope's tenant. Another tenant's entry is as missing as an unknown one: the lookup never leaves
 * the tenant, and the message never says which it was. Answers the problems, one per path.
 */
export async function entryRefProblems(
  scope: TenantScope,
  schema: Schema,
  data: unknown,
): Promise<ErrorDetail[]> {
  const refs: EntryRef[] = [];
  collect(schema, data, 'data', refs);
  if (refs.length === 0) return [];
  const details: ErrorDetail[] = [];
  const wanted = refs.filter((ref) => {
    if (isUuid(ref.id)) return true;
    details.push({ path: ref.path, message: `must be the id of a ${ref.type} entry` });
    return false;
  });
  if (wanted.length > 0) {
    const ids = [...new Set(wanted.map((ref) => ref.id))];
    const found = await scope.db
      .selectFrom('entries')
      .select(['id', 'type'])
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', sql<string>`any(${ids}::uuid[])`)
      .execute();
    const have = new Set(found.map((row) => `${row.type}\u0001${row.id}`));
    for (const ref of wanted)
      if (!have.has(`${ref.type}\u0001${ref.id.toLowerCase()}`))
        details.push({ path: ref.path, message: `no ${ref.type} entry has this id` });
  }
  return details;
}
