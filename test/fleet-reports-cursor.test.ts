import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTenantReports } from '../src/modules/fleet-reports/find-tenant-reports.js';
import { REPORT_COLUMNS, type TenantReport } from '../src/modules/fleet-reports/fleet-reports.schema.js';
import { cursorWalk, expectInvalid, expectWalkOf } from './support/cursor-walk.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

/**
 * `GET /reports/tenants` by cursor: for every column and direction the walk gives the page list's
 * rows in its order, nulls (no p95, no activity, no rollup row yet) last both ways, and tenants
 * created during a walk never make it skip or repeat one. Rows are written straight to the
 * platform tables: the report only reads them.
 */
let tb: TestInstance;
const TIERS = ['standard', 'premium', 'enterprise'];
const ISOLATIONS = ['pool', 'schema', 'database'];
const STATUSES = ['active', 'suspended', 'provisioning', 'failed'];
const NAMES = ['Acme', 'acme', 'Beta Co', 'Zeta', 'Ärger GmbH', 'beta co'];
let made = 0;

/** Tenant `crs-<n>` with report numbers that tie in small groups; some without p95, activity or report row. */
async function insertTenants(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const n = made++;
    const id = `crs-${String((n * 37) % 1000).padStart(3, '0')}-${n}`;
    await tb.services.tenancy.adminPool.query(
      `insert into platform.tenants (id, name, status, tier, isolation, created_at, updated_at)
       values ($1, $2, $3, $4, $5, now(), now())`,
      [id, NAMES[n % NAMES.length], STATUSES[n % 4], TIERS[n % 3], ISOLATIONS[(n >> 1) % 3]],
    );
    if (n % 7 === 3) continue;
    const micros = String((n % 4) * 250_001).padStart(6, '0');
    await tb.services.tenancy.adminPool.query(
      `insert into platform.tenant_reports
         (tenant_id, users, storage_bytes, requests_24h, errors_24h, p95_ms_24h, last_active_at, as_of)
       values ($1, $2, $3, $4, $5, $6, $7, now())`,
      [
        id,
        n % 5,
        (n % 3) * 10_000_000_000,
        (n * 13) % 6,
        n % 2,
        n % 3 === 0 ? null : (n % 4) * 10,
        n % 5 === 0 ? null : `2026-03-0${(n % 3) + 1}T10:00:00.${micros}Z`,
      ],
    );
  }
}

async function get(url: string) {
  return tb.app.inject({
    url: `/api/v1${url}`,
    headers: { authorization: `Bearer ${await tb.adminToken()}` },
  });
}

async function pageList(query: string): Promise<TenantReport[]> {
  const response = await get(`/reports/tenants?q=crs-&per_page=100&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data as TenantReport[];
}

const ids = (rows: TenantReport[]) => rows.map((r) => r.tenant_id);
const SORTS = REPORT_COLUMNS.flatMap((column) => [column, `-${column}`]);

beforeAll(async () => {
  tb = await startTestInstance();
  await insertTenants(30);
}, 120_000);
afterAll(() => tb?.destroy());

describe('GET /reports/tenants by cursor', () => {
  it('walks every sort, both directions, exactly as the page list orders it', async () => {
    for (const sort of SORTS) {
      const whole = await pageList(`sort=${sort}`);
      expect(whole).toHaveLength(30);
      for (const limit of [1, 4]) {
        const walked = await cursorWalk<TenantReport>(
          get,
          `/reports/tenants?q=crs-&sort=${sort}&limit=${limit}`,
        );
        expect(ids(walked), `${sort} limit ${limit}`).toEqual(ids(whole));
      }
    }
    const byDefault = await cursorWalk<TenantReport>(get, '/reports/tenants?q=crs-&limit=7');
    expect(ids(byDefault)).toEqual(ids(await pageList('sort=-requests_24h')));
  });

  it('keeps rows without p95 or activity last in both directions', async () => {
    for (const column of ['p95_ms_24h', 'last_active_at'] as const) {
      for (const sort of [column, `-${column}`]) {
        const walked = await cursorWalk<TenantReport>(get, `/reports/tenants?q=crs-&sort=${sort}&limit=3`);
        const nulls = walked.findIndex((r) => r[column] === null);
        expect(nulls, sort).toBeGreaterThan(0);
        expect(
          walked.slice(nulls).every((r) => r[column] === null),
          sort,
        ).toBe(true);
        const nullIds = ids(walked.slice(nulls));
        expect(nullIds, sort).toEqual([...nullIds].sort());
      }
    }
  });

  it('neither skips nor repeats a tenant created during a walk', async () => {
    for (const sort of ['-requests_24h', 'p95_ms_24h', '-last_active_at', 'name']) {
      const before = ids(await pageList(`sort=${sort}`));
      let page = 0;
      const walked = await cursorWalk<TenantReport>(
        get,
        `/reports/tenants?q=crs-&sort=${sort}&limit=4`,
        async () => {
          if (++page <= 3) await insertTenants(2);
        },
      );
      expectWalkOf(ids(walked), before, ids(await pageList(`sort=${sort}`)));
    }
  });

  it('keeps the filters in cursor mode and the CSV rows in the list order', async () => {
    const walked = await cursorWalk<TenantReport>(
      get,
      '/reports/tenants?q=crs-&tier=premium&status=active&limit=2',
    );
    expect(ids(walked)).toEqual(ids(await pageList('tier=premium&status=active')));
    expect(walked.every((r) => r.tier === 'premium' && r.status === 'active')).toBe(true);
    for (const sort of ['-p95_ms_24h', 'last_active_at', 'users'] as const) {
      const csv: TenantReport[] = [];
      for await (const rows of allTenantReports(tb.services.tenancy.platformDb, { q: 'crs-', sort }, 3))
        csv.push(...rows);
      expect(ids(csv), sort).toEqual(ids(await pageList(`sort=${sort}`)));
    }
  });

  it('refuses cursor with page, a cursor of another sort, a garbage or forged cursor, and a bad limit', async () => {
    const cursor = (await get('/reports/tenants?q=crs-&sort=name&limit=2')).json().pagination
      .cursor as string;
    expectInvalid(await get(`/reports/tenants?sort=name&cursor=${cursor}&page=1`), 'cursor');
    expectInvalid(await get(`/reports/tenants?sort=-name&cursor=${cursor}`), 'cursor');
    expectInvalid(await get(`/reports/tenants?cursor=${cursor}`), 'cursor');
    expectInvalid(await get('/reports/tenants?cursor=%%%garbage'), 'cursor');
    const forge = (s: string, v: unknown[]) => Buffer.from(JSON.stringify({ s, v })).toString('base64url');
    for (const [sort, v] of [
      ['users', [null, 'crs-1']],
      ['users', ['7', 'crs-1']],
      ['last_active_at', ['2026-02-30T10:00:00.000000Z', 'crs-1']],
      ['p95_ms_24h', [10, null]],
      ['name', ['Acme']],
    ] as const) {
      expectInvalid(await get(`/reports/tenants?sort=${sort}&cursor=${forge(sort, [...v])}`), 'cursor');
    }
    expectInvalid(await get('/reports/tenants?limit=101'), 'querystring.limit');
    expectInvalid(await get('/reports/tenants?limit=0'), 'querystring.limit');
    for (const query of [`cursor=${cursor}`, 'limit=5']) {
      const csv = await get(`/reports/tenants.csv?${query}`);
      expect(csv.statusCode, query).toBe(400);
      expect(csv.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers in page mode, unchanged, without cursor or limit', async () => {
    const paged = (await get('/reports/tenants?q=crs-&page=2&sort=tenant_id')).json();
    expect(paged.pagination).toMatchObject({ page: 2, per_page: 20, has_prev: true });
    expect(paged.pagination.cursor).toBeUndefined();
    const first = (await get('/reports/tenants?q=crs-&limit=3&sort=tenant_id')).json();
    expect(first.pagination).toMatchObject({ limit: 3, has_next: true });
    expect(first).toHaveProperty('as_of');
  });
});
