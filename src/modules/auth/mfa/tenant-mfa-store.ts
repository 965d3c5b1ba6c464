import { sql } from 'kysely';
import type { ScopeTarget, Tenancy } from '../../../tenancy/tenancy.js';
import type { TenantScope } from '../../../tenancy/tenant-scope.js';
import type { MfaState, MfaStore } from './mfa-store.js';

/** A tenant user's MFA, in the tenant's own storage (table `user_mfa` of the identity module). */
export class TenantMfaStore implements MfaStore {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly tenant: ScopeTarget,
    private readonly userId: string,
  ) {}

  private run<T>(work: (scope: TenantScope) => Promise<T>): Promise<T> {
    return this.tenancy.withTenant(this.tenant, work);
  }

  private update(scope: TenantScope) {
    return scope.db
      .updateTable('user_mfa')
      .where('tenant_id', '=', scope.tenantId)
      .where('user_id', '=', this.userId);
  }

  get(): Promise<MfaState | undefined> {
    return this.run((scope) =>
      scope.db
        .selectFrom('user_mfa')
        .select(['secret', 'status'])
        .where('tenant_id', '=', scope.tenantId)
        .where('user_id', '=', this.userId)
        .executeTakeFirst(),
    );
  }

  begin(secret: string): Promise<boolean> {
    return this.run(async (scope) => {
      const row = await scope.db
        .insertInto('user_mfa')
        .values({
          tenant_id: scope.tenantId,
          user_id: this.userId,
          secret,
          status: 'pending',
          recovery_codes: [],
          last_used_step: null,
          enabled_at: null,
          created_at: new Date(),
        })
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'user_id'])
            .doUpdateSet({ secret, created_at: new Date() })
            .where('user_mfa.status', '=', 'pending'),
        )
        .returning('user_id')
        .executeTakeFirst();
      return row !== undefined;
    });
  }

  activate(secret: string, recoveryHashes: string[], step: number): Promise<boolean> {
    return this.run(async (scope) => {
      const result = await this.update(scope)
        .set({
          status: 'active',
          recovery_codes: recoveryHashes,
          last_used_step: step,
          enabled_at: new Date(),
        })
        .where('status', '=', 'pending')
        .where('secret', '=', secret)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    });
  }

  spendStep(step: number): Promise<boolean> {
    return this.run(async (scope) => {
      const result = await this.update(scope)
        .set({ last_used_step: step })
        .where('status', '=', 'active')
        .where(sql<boolean>`(last_used_step is null or last_used_step < ${step})`)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    });
  }

  spendRecoveryCode(hash: string): Promise<boolean> {
    return this.run(async (scope) => {
      const result = await this.update(scope)
        .set({ recovery_codes: sql<string[]>`array_remove(recovery_codes, ${hash})` })
        .where('status', '=', 'active')
        .where(sql<boolean>`${hash} = any(recovery_codes)`)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    });
  }

  remove(): Promise<void> {
    return this.run(async (scope) => {
      await scope.db
        .deleteFrom('user_mfa')
        .where('tenant_id', '=', scope.tenantId)
        .where('user_id', '=', this.userId)
        .execute();
    });
  }
}
