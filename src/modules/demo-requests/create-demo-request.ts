import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { AppError } from '../../errors.js';
import { businessDomainProblem } from '../tenants/check-business-domain.js';
import { DEMO_REQUEST_COLUMNS } from './demo-request-view.js';
import type { DemoRequestRow } from './demo-requests.table.js';
import type { CreateDemoRequestBody } from './demo-requests.schema.js';

/** Files a demo request (seed 002) for a platform administrator to approve or reject. */
export async function createDemoRequest(
  db: Kysely<PlatformDatabase>,
  input: CreateDemoRequestBody,
): Promise<DemoRequestRow> {
  const details = businessDomainProblem(input.business_domain);
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'The request is invalid', { details });
  const now = new Date();
  return db
    .insertInto('platform.demo_requests')
    .values({
      id: uuidv7(),
      company_name: input.company_name.trim(),
      email: input.email.trim().toLowerCase(),
      business_domain: input.business_domain ?? 'default',
      message: input.message?.trim() || null,
      status: 'pending',
      tenant_id: null,
      reason: null,
      decided_by: null,
      decided_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning(DEMO_REQUEST_COLUMNS)
    .executeTakeFirstOrThrow();
}
