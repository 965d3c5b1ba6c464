import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../../db/platform-database.js';
import { adminMfaContext } from '../../../platform/secrets/platform-secrets.js';
import { SecretBox } from '../../../platform/secrets/secret-box.js';
import type { MfaState, MfaStore } from './mfa-store.js';

/**
 * A platform administrator's MFA, in the platform database beside the administrator. The TOTP
 * secret is sealed with SECRETS_KEY like every platform secret; one stored in plain text by an
 * older version is sealed at start (seal-plaintext-secrets.ts) and still read meanwhile.
 */
export class AdminMfaStore implements MfaStore {
  constructor(
    private readonly db: Kysely<PlatformDatabase>,
    private readonly adminId: string,
    private readonly box: SecretBox,
  ) {}

  private open(stored: string): string {
    return SecretBox.isSealed(stored) ? this.box.open(stored, adminMfaContext(this.adminId)) : stored;
  }

  private update() {
    return this.db.updateTable('platform.admin_mfa').where('admin_id', '=', this.adminId);
  }

  private stored() {
    return this.db
      .selectFrom('platform.admin_mfa')
      .select(['secret', 'status'])
      .where('admin_id', '=', this.adminId)
      .executeTakeFirst();
  }

  async get(): Promise<MfaState | undefined> {
    const row = await this.stored();
    return row && { ...row, secret: this.open(row.secret) };
  }

  async begin(plain: string): Promise<boolean> {
    const secret = this.box.seal(plain, adminMfaContext(this.adminId));
    const row = await this.db
      .insertInto('platform.admin_mfa')
      .values({ admin_id: this.adminId, secret, status: 'pending', recovery_codes: [], last_used_step: null })
      .onConflict((oc) =>
        oc
          .column('admin_id')
          .doUpdateSet({ secret, created_at: new Date() })
          .where('platform.admin_mfa.status', '=', 'pending'),
      )
      .returning('admin_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async activate(secret: string, recoveryHashes: string[], step: number): Promise<boolean> {
    // Sealed values differ at every seal: compare opened, then update only the value compared.
    const row = await this.stored();
    if (!row || row.status !== 'pending' || this.open(row.secret) !== secret) return false;
    const result = await this.update()
      .set({ status: 'active', recovery_codes: recoveryHashes, last_used_step: step, enabled_at: new Date() })
      .where('status', '=', 'pending')
      .where('secret', '=', row.secret)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async spendStep(step: number): Promise<boolean> {
    const result = await this.update()
      .set({ last_used_step: step })
      .where('status', '=', 'active')
      .where(sql<boolean>`(last_used_step is null or last_used_step < ${step})`)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async spendRecoveryCode(hash: string): Promise<boolean> {
    const result = await this.update()
      .set({ recovery_codes: sql<string[]>`array_remove(recovery_codes, ${hash})` })
      .where('status', '=', 'active')
      .where(sql<boolean>`${hash} = any(recovery_codes)`)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async remove(): Promise<void> {
    await this.db.deleteFrom('platform.admin_mfa').where('admin_id', '=', this.adminId).execute();
  }
}
