import { sql } from 'kysely';
import { validate as isUuid } from 'uuid';
import type { ErrorDetail } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { ENTRY_REF } from './entry-schema-compiler.js';

export interface EntryRef {
  type: string;
  /** Lower case, as PostgreSQL prints a uuid. */
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
 * The `x-entry-ref` properties of `data`, read in Node: those holding a uuid (to be looked up),
 * and one problem per path for those that cannot be the id of any entry.
 */
export function entryRefsOf(schema: Schema, data: unknown): { refs: EntryRef[]; problems: ErrorDetail[] } {
  const found: EntryRef[] = [];
  collect(schema, data, 'data', found);
  const problems: ErrorDetail[] = [];
  const refs: EntryRef[] = [];
  for (const ref of found)
    if (isUuid(ref.id)) refs.push({ ...ref, id: ref.id.toLowerCase() });
    else problems.push({ path: ref.path, message: `must be the id of a ${ref.type} entry` });
  return { refs, problems };
}

/** The distinct (type, id) pairs of `refs`: what an existence check counts. */
export function distinctRefs(refs: EntryRef[]): Array<{ type: string; id: string }> {
  const pairs = new Map(refs.map((ref) => [`${ref.type}\u0001${ref.id}`, { type: ref.type, id: ref.id }]));
  return [...pairs.values()];
}

/**
 * Every `x-entry-ref` property of `data` must hold the id of an entry of the named type in the
 * scope's tenant. Another tenant's entry is as missing as an unknown one: the lookup never leaves
 * the tenant, and the message never says which it was. Answers the problems, one per path.
 * `lock` keeps the entries found (KEY SHARE) until the transaction ends: a delete of one then
 * waits for the write that refers to it (a create's careful second try, create-entry.ts).
 */
export async function entryRefProblems(
  scope: TenantScope,
  schema: Schema,
  data: unknown,
  lock = false,
): Promise<ErrorDetail[]> {
  const { refs, problems } = entryRefsOf(schema, data);
  if (refs.length > 0) {
    const ids = [...new Set(refs.map((ref) => ref.id))];
    const query = scope.db
      .selectFrom('entries')
      .select(['id', 'type'])
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', sql<string>`any(${ids}::uuid[])`);
    const found = await (lock ? query.forKeyShare() : query).execute();
    const have = new Set(found.map((row) => `${row.type}\u0001${row.id}`));
    for (const ref of refs)
      if (!have.has(`${ref.type}\u0001${ref.id}`))
        problems.push({ path: ref.path, message: `no ${ref.type} entry has this id` });
  }
  return problems;
}
