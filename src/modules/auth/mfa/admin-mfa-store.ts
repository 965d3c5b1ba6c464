import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../../db/platform-database.js';
import type { MfaState, MfaStore } from './mfa-store.js';

/** A platform administrator's MFA, in the platform database beside the administrator. */
export class AdminMfaStore implements MfaStore {
  constructor(
    private readonly db: Kysely<PlatformDatabase>,
    private readonly adminId: string,
  ) {}

  private update() {
    return this.db.updateTable('platform.admin_mfa').where('admin_id', '=', this.adminId);
  }

  get(): Promise<MfaState | undefined> {
    return this.db
      .selectFrom('platform.admin_mfa')
      .select(['secret', 'status'])
      .where('admin_id', '=', this.adminId)
      .executeTakeFirst();
  }

  async begin(secret: string): Promise<boolean> {
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
    const result = await this.update()
      .set({ status: 'active', recovery_codes: recoveryHashes, last_used_step: step, enabled_at: new Date() })
      .where('status', '=', 'pending')
      .where('secret', '=', secret)
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
