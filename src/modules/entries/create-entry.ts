import { CompiledQuery } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import type { TenantRecord } from '../../tenancy/registry/tenant-record.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { distinctRefs, type EntryRef, entryRefsOf } from './check-entry-refs.js';
import type { CreateEntryBody } from './entries.schema.js';
import { entryIndexSpec } from './entry-index-spec.js';
import { guardedInsertFor, guardedInsertWithRefsFor, refusedByGuard } from './entry-insert-sql.js';
import type { EntryRow, EntryTypeRow } from './entry-rows.js';
import type { EntryTypeCache } from './entry-type-cache.js';
import { getEnabledEntryType } from './get-entry-type.js';
import { inJsonbKeyOrder } from './jsonb-key-order.js';
import { checkEntryDataInNode, validateEntryData } from './validate-entry-data.js';

/**
 * One try at a new entry. The quick try takes the type from the app's 2-s copy and checks the data
 * in Node; its INSERT, sent with the COMMIT like the audit entry, re-checks the type's version and
 * the references itself, so the create is one round trip and holds no lock before its COMMIT. The
 * careful try reads the type and the referenced entries under KEY SHARE first (three round trips),
 * for when the quick one found something changed.
 */
export async function createEntry(
  scope: TenantScope,
  tenant: TenantRecord,
  typeKey: string,
  input: CreateEntryBody,
  how: { types: EntryTypeCache; careful: boolean },
): Promise<EntryRow> {
  let type: EntryTypeRow;
  let refs: EntryRef[];
  if (how.careful) {
    type = await getEnabledEntryType(scope, tenant, typeKey, { intent: 'write' });
    await validateEntryData(scope, type, input.data, true);
    how.types.remember(type);
    refs = entryRefsOf(type.schema, input.data).refs;
  } else {
    type = await getEnabledEntryType(scope, tenant, typeKey, { intent: 'cached', cache: how.types });
    refs = await checkEntryDataInNode(scope, type, input.data);
  }
  const spec = entryIndexSpec(type.schema);
  const now = new Date();
  const row: EntryRow = {
    tenant_id: scope.tenantId,
    id: uuidv7(),
    type: type.key,
    data: inJsonbKeyOrder(input.data) as EntryRow['data'],
    created_by: requestContext.current()?.actorId ?? null,
    created_at: now,
    updated_at: now,
  };
  const pairs = distinctRefs(refs);
  const parameters: unknown[] = [
    row.tenant_id,
    row.id,
    row.type,
    JSON.stringify(input.data),
    row.created_by,
    now,
    type.updated_at,
    spec.fields.map((f) => f.name),
    spec.fields.map((f) => f.numeric),
    spec.searchable,
  ];
  if (pairs.length > 0)
    parameters.push(
      pairs.map((p) => p.type),
      pairs.map((p) => p.id),
    );
  const insert = (pairs.length > 0 ? guardedInsertWithRefsFor : guardedInsertFor)(scope.schema);
  scope.sendWithCommit(CompiledQuery.raw(insert.text, parameters), insert.name);
  // Ids only: the trail outlives entries, and personal data must be erasable with them.
  await recordAudit(scope, { action: 'entry.create', targetType: type.key, targetId: row.id });
  return row;
}

/**
 * A create as the route runs it: the quick try, and if its INSERT found the type changed or a
 * referenced entry gone (a rare race, or a reference that never existed), the careful try, which
 * answers the current schema's verdict or the 400 naming each missing reference.
 */
export async function createEntryRetrying(
  inScope: <T>(work: (scope: TenantScope) => Promise<T>) => Promise<T>,
  tenant: TenantRecord,
  typeKey: string,
  input: CreateEntryBody,
  types: EntryTypeCache,
): Promise<EntryRow> {
  try {
    return await inScope((scope) => createEntry(scope, tenant, typeKey, input, { types, careful: false }));
  } catch (error) {
    if (!refusedByGuard(error)) throw error;
    types.forget(tenant.id, typeKey);
  }
  try {
    return await inScope((scope) => createEntry(scope, tenant, typeKey, input, { types, careful: true }));
  } catch (error) {
    // Not expected: the careful try holds every row its INSERT checks.
    if (refusedByGuard(error))
      throw new AppError('CONFLICT', 'The entry type or a referenced entry changed meanwhile: try again');
    throw error;
  }
}
