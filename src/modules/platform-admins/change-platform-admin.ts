import { type Kysely, sql, type Transaction } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { AppError, findOrNotFound } from '../../errors.js';
import { hashPassword } from '../../identity/passwords.js';
import { revokeRefreshTokensOf } from '../../identity/refresh-tokens.js';
import type { TokenRevocations } from '../../identity/token-revocations.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';
import type { UpdatePlatformAdminBody } from './platform-admins.schema.js';

/** What changing an administrator needs: the platform database and the token revocations. */
export interface AdminChangeDeps {
  db: Kysely<PlatformDatabase>;
  revocations: TokenRevocations;
}

const lastAdmin = () =>
  new AppError('CONFLICT', 'This is the last platform_admin: make another one platform_admin first');

/**
 * Serialises changes that could remove the last `platform_admin` (two admins demoting each other at
 * once), then refuses one that would: the platform must always have someone who can do everything.
 */
async function assertAnotherAdmin(trx: Transaction<PlatformDatabase>, id: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('tenantbase:platform-admins'))`.execute(trx);
  const other = await trx
    .selectFrom('platform.platform_admins')
    .select('id')
    .where('role', '=', 'platform_admin')
    .where('id', '<>', id)
    .limit(1)
    .executeTakeFirst();
  if (!other) throw lastAdmin();
}

async function findAdmin(db: Kysely<PlatformDatabase>, id: string) {
  return findOrNotFound('Platform administrator', id, (uuid) =>
    db
      .selectFrom('platform.platform_admins')
      .select(['id', 'email', 'role'])
      .where('id', '=', uuid)
      .executeTakeFirst(),
  );
}

/** Ends the administrator's access tokens (within seconds on every process) and sessions. */
async function endTokens(deps: AdminChangeDeps, id: string): Promise<void> {
  await revokeRefreshTokensOf(deps.db, { subject: id, tenantId: null });
  await deps.revocations.revokeAccount({ subject: id, tenantId: null });
}

/**
 * Changes an administrator's email, role or password. A role change or a new password ends the
 * tokens they hold (the next sign-in carries the new role); demoting the last `platform_admin` is 409.
 */
export async function updatePlatformAdmin(
  deps: AdminChangeDeps,
  id: string,
  input: UpdatePlatformAdminBody,
): Promise<void> {
  const before = await findAdmin(deps.db, id);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const email = input.email?.trim().toLowerCase();
  const demoted = input.role !== undefined && input.role !== before.role;
  await deps.db.transaction().execute(async (trx) => {
    if (demoted && before.role === 'platform_admin') await assertAnotherAdmin(trx, id);
    if (email && email !== before.email) {
      const taken = await trx
        .selectFrom('platform.platform_admins')
        .select('id')
        .where('email', '=', email)
        .where('id', '<>', id)
        .executeTakeFirst();
      if (taken) throw new AppError('CONFLICT', 'A platform administrator with this email already exists');
    }
    const changed = await trx
      .updateTable('platform.platform_admins')
      .set({
        ...(email ? { email } : {}),
        ...(input.role ? { role: input.role } : {}),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
      })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!changed) throw new AppError('NOT_FOUND', 'Platform administrator not found');
    await recordPlatformAudit(trx, {
      action: 'admin.update',
      targetType: 'platform_admin',
      targetId: id,
      details: {
        ...(email && email !== before.email ? { email_changed: true } : {}),
        ...(demoted ? { role: { from: before.role, to: input.role } } : {}),
        ...(passwordHash ? { password_changed: true } : {}),
      },
    });
  });
  // After the commit, so a token issued from the old role is always outdated.
  if (demoted || passwordHash) await endTokens(deps, id);
}

/** Removes an administrator and ends their tokens; the last `platform_admin` cannot go (409). */
export async function deletePlatformAdmin(deps: AdminChangeDeps, id: string): Promise<void> {
  const before = await findAdmin(deps.db, id);
  await deps.db.transaction().execute(async (trx) => {
    if (before.role === 'platform_admin') await assertAnotherAdmin(trx, id);
    await trx.deleteFrom('platform.platform_admins').where('id', '=', id).execute();
    await recordPlatformAudit(trx, {
      action: 'admin.delete',
      targetType: 'platform_admin',
      targetId: id,
      details: { role: before.role },
    });
  });
  await endTokens(deps, id);
}
