import { sql } from 'kysely';
import { runBounded } from '../../tenancy/migrations/migrate-tenant-storages.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import { ISOLATIONS } from '../../tenancy/tiers.js';
import './fleet-reports.tables.js';

/** Tenants counted per rollup: bounds one run's work whatever the fleet's size. */
const PER_RUN = 500;
/** A count older than this is refreshed even without traffic. */
const STALE_MINUTES = 60;
const CONCURRENCY = 4;

/**
 * Refreshes the user counts the rollup reports, where each tenant keeps its users (pool rows,
 * its schema, its database): first tenants never counted, then those active since their last
 * count, then the stalest, `PER_RUN` per run, `CONCURRENCY` storages at a time.
 */
export async function countTenantUsers(tenancy: Tenancy, now: Date): Promise<number> {
  const due = await tenancy.platformDb
    .selectFrom('platform.tenant_reports as r')
    .innerJoin('platform.tenants as t', 't.id', 'r.tenant_id')
    .select(['t.id', 't.isolation', 't.placement', 't.tier'])
    .where('t.status', 'in', ['active', 'suspended'])
    .where((eb) =>
      eb.or([
        eb('r.users_counted_at', 'is', null),
        eb(
          'r.users_counted_at',
          '<',
          sql<Date>`${now}::timestamptz - make_interval(mins => ${STALE_MINUTES})`,
        ),
        eb('r.last_active_at', '>', eb.ref('r.users_counted_at')),
      ]),
    )
    .orderBy(sql`r.users_counted_at asc nulls first`)
    .limit(PER_RUN)
    .execute();
  const counted: Array<{ id: string; users: number }> = [];
  await runBounded(due, CONCURRENCY, async (row) => {
    const isolation = ISOLATIONS.find((known) => known === row.isolation);
    if (!isolation || !isTenantId(row.id)) return;
    const id = row.id;
    try {
      const users = await tenancy.withTenant(
        { id, isolation, placement: row.placement },
        async (scope) => {
          const found = await scope.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('tenant_id', '=', id)
            .executeTakeFirstOrThrow();
          return Number(found.n);
        },
        'read',
        { lane: 'reports' },
      );
      counted.push({ id, users });
    } catch {
      // A storage that cannot be opened keeps its last count; the doctor reports why.
    }
  });
  if (counted.length === 0) return 0;
  await sql`
    update platform.tenant_reports r set users = c.users, users_counted_at = ${now}
      from unnest(${counted.map((c) => c.id)}::text[], ${counted.map((c) => c.users)}::int[]) as c(tenant_id, users)
     where r.tenant_id = c.tenant_id`.execute(tenancy.platformDb);
  return counted.length;
}
