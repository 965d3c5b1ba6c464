import type pg from 'pg';

/**
 * Waits until no autovacuum worker has run for five seconds on any of the servers behind `pools`
 * (after seeding, every new database and table gets autovacuum's first visit and ANALYZE), or
 * until `capSeconds`; says whether it got there. Measuring during that catch-up measures the
 * seeding, not the traffic.
 */
export async function untilAutovacuumQuiet(pools: pg.Pool[], capSeconds: number): Promise<boolean> {
  const deadline = performance.now() + capSeconds * 1000;
  let quietSince = performance.now();
  while (performance.now() < deadline) {
    let busy = 0;
    for (const pool of pools) {
      const { rows } = await pool.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity where backend_type = 'autovacuum worker'`,
      );
      busy += Number(rows[0]!.n);
    }
    if (busy > 0) quietSince = performance.now();
    else if (performance.now() - quietSince > 5000) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}
