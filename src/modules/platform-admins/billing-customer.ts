import { type Static, Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';

declare module '../../db/platform-database.js' {
  interface PlatformDatabase {
    /** Seed 004's `stripe_customers`: which billing provider's customer a tenant is. A mapping only. */
    'platform.billing_customers': { tenant_id: string; provider: string; customer_id: string };
  }
}

export const BillingCustomerBody = Type.Object(
  {
    provider: Type.String({ pattern: '^[a-z][a-z0-9_-]{1,31}$', description: 'e.g. `stripe`' }),
    customer_id: Type.String({
      pattern: '^[A-Za-z0-9_.:-]{1,255}$',
      description: 'e.g. `cus_NffrFeUfNV2Hib`',
    }),
  },
  { additionalProperties: false, examples: [{ provider: 'stripe', customer_id: 'cus_NffrFeUfNV2Hib' }] },
);
export type BillingCustomerBody = Static<typeof BillingCustomerBody>;

export const BillingCustomer = Type.Object({
  tenant_id: Type.String(),
  provider: Type.Union([Type.String(), Type.Null()]),
  customer_id: Type.Union([Type.String(), Type.Null()]),
});
export type BillingCustomer = Static<typeof BillingCustomer>;

/** The tenant's billing customer, or nulls when none is recorded. */
export async function getBillingCustomer(
  db: Kysely<PlatformDatabase>,
  tenantId: string,
): Promise<BillingCustomer> {
  const row = await db
    .selectFrom('platform.billing_customers')
    .select(['provider', 'customer_id'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return { tenant_id: tenantId, provider: row?.provider ?? null, customer_id: row?.customer_id ?? null };
}

/** Records (or replaces) the tenant's billing customer, audited. */
export async function setBillingCustomer(
  db: Kysely<PlatformDatabase>,
  tenantId: string,
  input: BillingCustomerBody,
): Promise<BillingCustomer> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('platform.billing_customers')
      .values({ tenant_id: tenantId, provider: input.provider, customer_id: input.customer_id })
      .onConflict((oc) =>
        oc.column('tenant_id').doUpdateSet({ provider: input.provider, customer_id: input.customer_id }),
      )
      .execute();
    await recordPlatformAudit(trx, {
      action: 'tenant.billing_customer',
      targetType: 'tenant',
      targetId: tenantId,
      tenantId,
      details: { provider: input.provider },
    });
  });
  return { tenant_id: tenantId, ...input };
}
