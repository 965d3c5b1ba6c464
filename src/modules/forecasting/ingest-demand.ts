import { createReadStream } from 'node:fs';
import { sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import type { SpooledDemand } from './spool-demand.js';

/** What `POST /demand` answers. */
export interface DemandIngest {
  received: number;
  inserted: number;
  updated: number;
}

const STAGING = 'pg_temp.demand_staging';

async function duplicateDetail(scope: TenantScope, spooled: SpooledDemand) {
  const found = await sql<{ origins: string[] }>`
    select array_agg(origin order by origin)::text[] as origins from ${sql.raw(STAGING)}
    group by item_id, date having count(*) > 1 order by min(origin) limit 1`.execute(scope.db);
  const origins = (found.rows[0]?.origins ?? []).map(Number);
  const where = (origin: number) => (spooled.format === 'json' ? `rows[${origin}]` : `line ${origin}`);
  const [first, second] = [origins[0] ?? 0, origins[1] ?? 0];
  return { path: where(second), message: `repeats the item_id and date of ${where(first)}` };
}

/**
 * Whether any staged item may already have a row inside the staged days: one probe of the key
 * per item and its first..last day. When none has, the rows are new and a plain INSERT does
 * (about a third cheaper than INSERT … ON CONFLICT, which probes the key before every row).
 * The ranges come from the spooling when it kept them, sparing PostgreSQL an aggregate over
 * every staged row.
 */
async function overlapsHistory(scope: TenantScope, spooled: SpooledDemand): Promise<boolean> {
  const ranges = spooled.ranges
    ? sql`select * from unnest(${spooled.ranges.items}::text[], ${spooled.ranges.first}::date[],
                               ${spooled.ranges.last}::date[]) as u(item_id, first_day, last_day)`
    : sql`select item_id, min(date) as first_day, max(date) as last_day from ${sql.raw(STAGING)} group by item_id`;
  const found = await sql<{ overlap: boolean }>`
    select exists (
      select from (${ranges}) r
      where exists (
        select from ${sql.id(scope.schema, 'ts_demand_daily')} d
         where d.tenant_id = ${scope.tenantId} and d.item_id = r.item_id
           and d.date between r.first_day and r.last_day
      )
    ) as overlap`.execute(scope.db);
  return found.rows[0]?.overlap ?? true;
}

interface Counts {
  inserted: string | number;
  total: string | number;
}

/** Inserts rows known to be new; undefined when a key turns out taken (the body repeats a row, or another upload raced this one). */
async function insertOnly(scope: TenantScope): Promise<Counts | undefined> {
  try {
    const result = await sql`
      insert into ${sql.id(scope.schema, 'ts_demand_daily')} (tenant_id, item_id, date, units_sold)
      select ${scope.tenantId}::text, item_id, date, units_sold from ${sql.raw(STAGING)}`.execute(scope.db);
    const rows = Number(result.numAffectedRows ?? 0n);
    return { inserted: rows, total: rows };
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await sql`rollback to savepoint demand_upsert`.execute(scope.db);
    return undefined;
  }
}

async function upsert(scope: TenantScope): Promise<Counts | undefined> {
  return scope.db
    .with('upserted', (db) =>
      db
        .insertInto('ts_demand_daily')
        .columns(['tenant_id', 'item_id', 'date', 'units_sold'])
        .expression(
          sql`select ${scope.tenantId}::text, item_id, date, units_sold from ${sql.raw(STAGING)}` as never,
        )
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'item_id', 'date'])
            .doUpdateSet({ units_sold: (eb) => eb.ref('excluded.units_sold') }),
        )
        .returning(sql<boolean>`(xmax = 0)`.as('fresh')),
    )
    .selectFrom('upserted')
    .select([sql<string>`count(*) filter (where fresh)`.as('inserted'), sql<string>`count(*)`.as('total')])
    .executeTakeFirst();
}

/**
 * Loads validated demand rows with COPY into a temporary staging table (COPY into a table under
 * row-level security is refused), then upserts them on (tenant_id, item_id, date) with one
 * INSERT whose tenant_id is the scope's, never the input's. One transaction: all rows or none.
 */
export async function ingestDemand(scope: TenantScope, spooled: SpooledDemand): Promise<DemandIngest> {
  // A million rows may take longer than the general statement timeout (SPEC §8: long work may raise its own).
  await sql`set local statement_timeout = '300s'`.execute(scope.db);
  await sql`create temporary table demand_staging (
      item_id text not null, date date not null, units_sold numeric not null, origin bigint not null
    ) on commit drop`.execute(scope.db);
  const copied = await scope.copyFrom(`copy ${STAGING} from stdin`, createReadStream(spooled.file));
  if (copied !== spooled.rows) throw new Error(`COPY loaded ${copied} of ${spooled.rows} spooled rows`);
  await sql`savepoint demand_upsert`.execute(scope.db);
  let counts = (await overlapsHistory(scope, spooled)) ? undefined : await insertOnly(scope);
  if (!counts) {
    try {
      counts = await upsert(scope);
    } catch (error) {
      // 21000: ON CONFLICT DO UPDATE met the same key twice, i.e. the body repeats a row.
      if ((error as { code?: string }).code !== '21000') throw error;
      await sql`rollback to savepoint demand_upsert`.execute(scope.db);
      throw new AppError('VALIDATION_FAILED', 'The demand rows are invalid; nothing was written', {
        details: [await duplicateDetail(scope, spooled)],
      });
    }
  }
  const inserted = Number(counts?.inserted ?? 0);
  const received = Number(counts?.total ?? 0);
  await recordAudit(scope, {
    action: 'demand.ingest',
    targetType: 'demand',
    targetId: null,
    after: { received, inserted, updated: received - inserted, format: spooled.format },
  });
  return { received, inserted, updated: received - inserted };
}
