import type { Tenancy } from '../src/tenancy/tenancy.js';

/** Waits until every tenant of `ids` is active; throws at the first one provisioning gave up on. */
export async function untilActive(tenancy: Tenancy, ids: string[]): Promise<void> {
  for (;;) {
    const rows = await tenancy.platformDb
      .selectFrom('platform.tenants')
      .select(['id', 'status', 'provisioning_error'])
      .where('id', 'in', ids)
      .execute();
    const failed = rows.find((row) => row.status !== 'active' && row.status !== 'provisioning');
    if (failed) throw new Error(`${failed.id}: ${failed.status} ${failed.provisioning_error ?? ''}`);
    if (rows.every((row) => row.status === 'active')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
