import pg from 'pg';
import { sql } from 'kysely';
import { guardClient } from '../../db/connection-faults.js';
import { quoteIdent } from '../../db/sql-identifier.js';
import type { TenantLocation } from '../../tenancy/isolation/isolation-model.js';
import { runBounded } from '../../tenancy/migrations/migrate-tenant-storages.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import type { TenantId } from '../../tenancy/tenant-id.js';
import type { Isolation } from '../../tenancy/tenant-scope.js';
import { sealAuditTail } from './seal-audit-tail.js';

const UNIQUE_VIOLATION = '23505';

export interface SweepOptions {
  /** Entries younger than this are left to the sealer that is (or was) about to seal them. */
  olderThanMs: number;
  /** Schema and database storages checked at once. */
  concurrency: number;
  /**
   * Rows inserted per schema tenant's audit_log (pg_stat_user_tables) and per tenant database
   * (pg_stat_database) at the previous sweep: a storage whose count has not moved was not written
   * since, so it is not looked into (a database is not even opened). Absent: every one is checked.
   */
  inserted?: Record<string, number>;
  /** Tenants the previous sweep could not finish (busy chain, error): checked whatever the count. */
  recheck?: string[];
}

export interface SweepOutcome {
  /** Tenants whose storage was looked into. */
  checked: number;
  /** Entries chained by this sweep, and the tenants they belonged to. */
  sealed: number;
  tenants: string[];
  /** For the next sweep: see SweepOptions. */
  inserted: Record<string, number>;
  recheck: string[];
}

async function activeTenants(tenancy: Tenancy): Promise<TenantLocation[]> {
  const rows = await tenancy.platformDb
    .selectFrom('platform.tenants')
    .select(['id', 'isolation', 'placement'])
    .where('status', 'in', ['active', 'suspended'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id as TenantId,
    isolation: row.isolation as Isolation,
    placement: row.placement,
  }));
}

/**
 * Pool tenants with an entry unsealed for longer than the bound, in one query when the admin role
 * passes row-level security (superuser or BYPASSRLS); otherwise every pool tenant is a candidate.
 */
async function poolCandidates(tenancy: Tenancy, tenants: TenantLocation[], olderThanMs: number) {
  if (tenants.length === 0) return [];
  const { rows } = await tenancy.adminPool.query<{ passes: boolean }>(
    'select rolsuper or rolbypassrls as passes from pg_roles where rolname = current_user',
  );
  if (!rows[0]?.passes) return tenants;
  const table = `${quoteIdent(tenancy.endpoints.names.poolSchema)}.audit_log`;
  const found = await tenancy.adminPool.query<{ tenant_id: string }>(
    `select distinct tenant_id from ${table}
      where seq is null and created_at < now() - make_interval(secs => $1::float8 / 1000)`,
    [olderThanMs],
  );
  const unsealed = new Set(found.rows.map((row) => row.tenant_id));
  return tenants.filter((t) => unsealed.has(t.id));
}

/** Rows inserted so far in each schema tenant's audit_log, one statistics query. */
async function insertedPerSchema(tenancy: Tenancy, tenants: TenantLocation[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (tenants.length === 0) return result;
  const bySchema = new Map(tenants.map((t) => [tenancy.endpoints.names.schemaFor(t.id), t.id]));
  const { rows } = await tenancy.adminPool.query<{ schemaname: string; n: string }>(
    `select schemaname, n_tup_ins::bigint as n from pg_stat_user_tables
      where relname = 'audit_log' and schemaname = any($1::text[])`,
    [[...bySchema.keys()]],
  );
  for (const row of rows) result.set(bySchema.get(row.schemaname)!, Number(row.n));
  return result;
}

/** Rows inserted so far in each tenant database, one statistics query per placement server. */
async function insertedPerDatabase(
  tenancy: Tenancy,
  tenants: TenantLocation[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  const byPlacement = new Map<string, TenantLocation[]>();
  for (const t of tenants) byPlacement.set(t.placement, [...(byPlacement.get(t.placement) ?? []), t]);
  for (const [placement, group] of byPlacement) {
    const byDatabase = new Map(group.map((t) => [tenancy.endpoints.names.databaseFor(t.id), t.id]));
    const query =
      'select datname, tup_inserted::bigint as n from pg_stat_database where datname = any($1::text[])';
    const params = [[...byDatabase.keys()]];
    let rows: Array<{ datname: string; n: string }>;
    if (placement === 'default') {
      rows = (await tenancy.adminPool.query(query, params)).rows;
    } else {
      const url = tenancy.endpoints.servers.get(placement);
      if (!url) continue; // the other placements' tenants are still swept
      const client = guardClient(new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 }));
      try {
        await client.connect();
        rows = (await client.query(query, params)).rows;
      } catch {
        continue;
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    for (const row of rows) result.set(byDatabase.get(row.datname)!, Number(row.n));
  }
  return result;
}

/**
 * Seals the tenant's tail if its oldest unsealed entry is older than the bound (one round trip when
 * it is not). `unfinished`: entries are left (too young, or another sealer holds the chain).
 */
async function sweepOne(
  tenancy: Tenancy,
  tenant: TenantLocation,
  olderThanMs: number,
): Promise<{ sealed: number; unfinished: boolean }> {
  return tenancy
    .withTenant(
      tenant,
      async (scope) => {
        const oldest = await scope.db
          .selectFrom('audit_log')
          .select(
            sql<boolean>`created_at < now() - make_interval(secs => ${olderThanMs}::float8 / 1000)`.as(
              'stale',
            ),
          )
          .where('tenant_id', '=', scope.tenantId)
          .where('seq', 'is', null)
          .orderBy('created_at')
          .orderBy('id')
          .limit(1)
          .executeTakeFirst();
        if (!oldest) return { sealed: 0, unfinished: false };
        if (!oldest.stale) return { sealed: 0, unfinished: true };
        const outcome = await sealAuditTail(scope);
        return { sealed: outcome?.sealed ?? 0, unfinished: outcome === null };
      },
      'write',
      { lane: 'audit-sealer' },
    )
    .catch((error: unknown) => {
      // Another sealer chained the same positions first.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return { sealed: 0, unfinished: true };
      throw error;
    });
}

/**
 * Seals the unsealed tails nobody else will: entries committed by a process that died before its
 * sealer ran, or whose sealing pass failed. Pool tenants are found with one query; a schema or
 * database tenant is looked into only if the statistics count inserts since the previous sweep (or
 * that sweep could not finish it), so idle storages cost no query and idle databases no connection.
 */
export async function sweepUnsealedAudit(tenancy: Tenancy, options: SweepOptions): Promise<SweepOutcome> {
  const tenants = await activeTenants(tenancy);
  const of = (isolation: Isolation) => tenants.filter((t) => t.isolation === isolation);
  const counted = [...of('schema'), ...of('database')];
  const [schemas, databases] = await Promise.all([
    insertedPerSchema(tenancy, of('schema')),
    insertedPerDatabase(tenancy, of('database')),
  ]);
  const inserted = new Map([...schemas, ...databases]);
  const recheck = new Set(options.recheck ?? []);
  const written = counted.filter(
    (t) => !options.inserted || recheck.has(t.id) || options.inserted[t.id] !== inserted.get(t.id),
  );
  const candidates = [...(await poolCandidates(tenancy, of('pool'), options.olderThanMs)), ...written];
  const outcome: SweepOutcome = {
    checked: candidates.length,
    sealed: 0,
    tenants: [],
    inserted: Object.fromEntries(inserted),
    recheck: [],
  };
  await runBounded(candidates, options.concurrency, async (tenant) => {
    const result = await sweepOne(tenancy, tenant, options.olderThanMs).catch(() => ({
      sealed: 0,
      unfinished: true,
    }));
    if (result.sealed > 0) {
      outcome.sealed += result.sealed;
      outcome.tenants.push(tenant.id);
    }
    // Entries too young to seal now: their inserts are already counted, so name them for the next sweep.
    if (result.unfinished && tenant.isolation !== 'pool') outcome.recheck.push(tenant.id);
  });
  return outcome;
}
