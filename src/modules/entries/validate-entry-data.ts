import { AppError, type ErrorDetail } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { type EntryRef, entryRefProblems, entryRefsOf } from './check-entry-refs.js';
import type { EntryTypeRow } from './entry-rows.js';
import { dataDetails, validatorFor } from './entry-schema-compiler.js';

const refused = (type: EntryTypeRow, details: ErrorDetail[]) =>
  new AppError('VALIDATION_FAILED', `The data does not match the ${type.key} schema`, { details });

/** Schema problems first, then reference problems on paths the schema found nothing wrong with. */
function merged(schemaDetails: ErrorDetail[], refDetails: ErrorDetail[]): ErrorDetail[] {
  const seen = new Set(schemaDetails.map((detail) => detail.path));
  return [...schemaDetails, ...refDetails.filter((problem) => !seen.has(problem.path))];
}

const schemaDetails = (scope: TenantScope, type: EntryTypeRow, data: unknown): ErrorDetail[] => {
  const validate = validatorFor(scope.tenantId, type);
  return validate(data) ? [] : dataDetails(validate.errors);
};

/**
 * `data` against its type's schema and its references, all problems in one answer: 400 with one
 * detail per field (`data.birth_date`, `data.components[1].material`). `lockRefs` keeps the
 * referenced entries (KEY SHARE) until the transaction ends.
 */
export async function validateEntryData(
  scope: TenantScope,
  type: EntryTypeRow,
  data: unknown,
  lockRefs = false,
): Promise<void> {
  const details = merged(
    schemaDetails(scope, type, data),
    await entryRefProblems(scope, type.schema, data, lockRefs),
  );
  if (details.length > 0) throw refused(type, details);
}

/**
 * What Node alone can check of `data`: the schema, and that each reference is a uuid. Valid data
 * answers the references still to be found, which the caller checks in its INSERT (create-entry.ts):
 * the common case then reads nothing before its COMMIT. Invalid data reads the references too,
 * so the 400 names every problem, as validateEntryData does.
 */
export async function checkEntryDataInNode(
  scope: TenantScope,
  type: EntryTypeRow,
  data: unknown,
): Promise<EntryRef[]> {
  const problems = schemaDetails(scope, type, data);
  const refs = entryRefsOf(type.schema, data);
  if (problems.length === 0 && refs.problems.length === 0) return refs.refs;
  throw refused(type, merged(problems, await entryRefProblems(scope, type.schema, data)));
}
