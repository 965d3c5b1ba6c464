import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { entryRefProblems } from './check-entry-refs.js';
import type { EntryTypeRow } from './entry-rows.js';
import { dataDetails, validatorFor } from './entry-schema-compiler.js';

/**
 * `data` against its type's schema and its references, all problems in one answer: 400 with one
 * detail per field (`data.birth_date`, `data.components[1].material`).
 */
export async function validateEntryData(
  scope: TenantScope,
  type: EntryTypeRow,
  data: unknown,
): Promise<void> {
  const validate = validatorFor(scope.tenantId, type);
  const details = validate(data) ? [] : dataDetails(validate.errors);
  const seen = new Set(details.map((detail) => detail.path));
  for (const problem of await entryRefProblems(scope, type.schema, data))
    if (!seen.has(problem.path)) details.push(problem);
  if (details.length > 0)
    throw new AppError('VALIDATION_FAILED', `The data does not match the ${type.key} schema`, { details });
}
