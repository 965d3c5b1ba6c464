import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { checkEntryRefs } from './check-entry-refs.js';
import type { EntryTypeRow } from './entry-rows.js';
import { dataDetails, validatorFor } from './entry-schema-compiler.js';

/** `data` against its type's schema (400 with one detail per field), then its references. */
export async function validateEntryData(scope: TenantScope, type: EntryTypeRow, data: unknown): Promise<void> {
  const validate = validatorFor(scope.tenantId, type);
  if (!validate(data))
    throw new AppError('VALIDATION_FAILED', `The data does not match the ${type.key} schema`, {
      details: dataDetails(validate.errors),
    });
  await checkEntryRefs(scope, type.schema, data);
}
