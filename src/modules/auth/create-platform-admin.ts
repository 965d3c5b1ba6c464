import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { AppError } from '../../errors.js';
import { hashPassword } from '../../identity/passwords.js';
import type { PlatformRole } from '../../identity/platform-roles.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';

/**
 * Adds a platform administrator (the CLI's `admin create`, `POST /platform/admins`) with a platform
 * role (`platform_admin` by default); an email already taken is a conflict.
 */
export async function createPlatformAdmin(
  db: Kysely<PlatformDatabase>,
  input: { email: string; password: string; role?: PlatformRole },
): Promise<{ id: string; email: string }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ path: 'email', message: 'expected an email address' }],
    });
  }
  if (input.password.length < 8) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ path: 'password', message: 'expected at least 8 characters' }],
    });
  }
  const row = await db
    .insertInto('platform.platform_admins')
    .values({
      id: uuidv7(),
      email,
      password_hash: await hashPassword(input.password),
      role: input.role ?? 'platform_admin',
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(['id', 'email'])
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', 'A platform administrator with this email already exists');
  await recordPlatformAudit(db, {
    action: 'admin.create',
    targetType: 'platform_admin',
    targetId: row.id,
    details: { role: input.role ?? 'platform_admin' },
  });
  return row;
}
