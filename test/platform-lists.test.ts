import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorWalk, expectInvalid, expectWalkOf } from './support/cursor-walk.js';
import { api } from './support/identity-api.js';
import { startTestInstance, type TestInstance } from './support/test-instance.js';

/**
 * The platform's lists as SPEC §5 lists: `/tenants`, `/demo-requests`, `/outbox` and
 * `/platform/admins` by page and by cursor, walks that rows created meanwhile never make skip or
 * repeat one, their filters, and 400s for bad parameters. Rows are written straight to the
 * platform tables: the lists only read them.
 */
let tb: TestInstance;
let admin = '';
let made = 0;
const NAMES = ['Acme', 'acme', 'Beta Co', 'Zeta', 'Ärger GmbH', '100%_sure'];
// No `provisioning`: a registry row with no storage must not look like work for the provisioning job.
const TENANT_STATUSES = ['active', 'suspended', 'failed', 'deleted'];
const RECIPIENT = 'walker@outbox.example';

/** A creation time: pairs tie, and rows a microsecond apart tell a cursor's microseconds from a Date's milliseconds. */
function createdAt(n: number, at?: string): string {
  return at ?? `2026-03-0${(n % 3) + 1}T10:00:00.${String(Math.floor(n / 2) % 3).padStart(6, '0')}Z`;
}

const insertRow: Record<string, (n: number, at?: string) => Promise<unknown>> = {
  '/tenants': (n, at) =>
    tb.services.tenancy.adminPool.query(
      `insert into platform.tenants (id, name, status, tier, isolation, created_at, updated_at)
       values ($1, $2, $3, 'standard', 'pool', $4, now())`,
      [
        `pl-${String((n * 37) % 1000).padStart(3, '0')}-${n}`,
        `Plist ${NAMES[n % NAMES.length]}`,
        TENANT_STATUSES[n % 4],
        createdAt(n, at),
      ],
    ),
  '/demo-requests': (n, at) =>
    tb.services.tenancy.adminPool.query(
      `insert into platform.demo_requests (id, company_name, email, status, tenant_id, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, now())`,
      [
        randomUUID(),
        `Plist ${NAMES[n % NAMES.length]}`,
        `buyer${n}@${n % 2 ? 'beta' : 'gamma'}.example`,
        ['pending', 'approved', 'rejected'][n % 3],
        n % 3 === 1 ? `approved-${n}` : null,
        createdAt(n, at),
      ],
    ),
  '/outbox': (n, at) =>
    tb.services.tenancy.adminPool.query(
      `insert into platform.mail_outbox (id, tenant_id, recipient, subject, body, kind, created_at)
       values ($1, null, $2, $3, 'text', 'test', $4)`,
      [randomUUID(), RECIPIENT, `mail ${n}`, createdAt(n, at)],
    ),
  '/platform/admins': (n, at) =>
    tb.services.tenancy.adminPool.query(
      `insert into platform.platform_admins (id, email, password_hash, role, created_at)
       values ($1, $2, 'not-a-hash', 'platform_support', $3)`,
      [randomUUID(), `plist-${String((n * 7) % 100).padStart(2, '0')}-${n}@staff.example`, createdAt(n, at)],
    ),
};

const LISTS = [
  { path: '/tenants', scope: 'q=plist', sorts: ['', '-created_at', 'created_at', 'name', '-name', 'status'] },
  {
    path: '/demo-requests',
    scope: 'q=plist',
    sorts: ['', '-created_at', 'created_at', 'name', '-name', 'status'],
  },
  { path: '/outbox', scope: `to=${RECIPIENT}`, sorts: [''] },
  { path: '/platform/admins', scope: 'q=plist', sorts: ['', 'created_at', '-created_at', 'name', '-name'] },
] as const;

const get = (url: string) => api(tb, admin, 'GET', url);
const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

beforeAll(async () => {
  tb = await startTestInstance();
  admin = await tb.adminToken();
  for (const list of LISTS) for (let i = 0; i < 18; i++) await insertRow[list.path]!(made++);
}, 120_000);
afterAll(() => tb?.destroy());

describe.for(LISTS)('GET $path', (list) => {
  const whole = async (query = '') => {
    const response = await get(`${list.path}?${list.scope}&per_page=100${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data as Array<{ id: string } & Record<string, string>>;
  };

  it('pages by page/per_page with a total that agrees with the rows', async () => {
    const all = ids(await whole());
    expect(all.length).toBeGreaterThan(10);
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.length / 4) + 1; page++)
      pages.push((await get(`${list.path}?${list.scope}&page=${page}&per_page=4`)).json());
    expect(pages.flatMap((p) => ids(p.data))).toEqual(all);
    expect(pages[0].pagination).toEqual({
      page: 1,
      per_page: 4,
      total: all.length,
      total_pages: Math.ceil(all.length / 4),
      has_next: true,
      has_prev: false,
    });
    expect(pages[pages.length - 1].pagination).toMatchObject({ total: all.length, has_next: false });
  });

  it('walks every sort by cursor exactly as the page list orders it', async () => {
    for (const sort of list.sorts) {
      const query = sort ? `&sort=${sort}` : '';
      const expected = ids(await whole(query));
      for (const limit of [1, 5]) {
        const walked = await cursorWalk<{ id: string }>(
          get,
          `${list.path}?${list.scope}&limit=${limit}${query}`,
        );
        expect(ids(walked), `${sort} limit ${limit}`).toEqual(expected);
      }
      const first = await get(`${list.path}?${list.scope}&cursor=${query}`);
      expect(ids(first.json().data), 'an empty cursor is the first page').toEqual(expected.slice(0, 20));
    }
  });

  it('neither skips nor repeats a row created during a walk', async () => {
    for (const sort of list.sorts) {
      const query = sort ? `&sort=${sort}` : '';
      const before = ids(await whole(query));
      const walked = await cursorWalk<{ id: string }>(
        get,
        `${list.path}?${list.scope}&limit=4${query}`,
        async (page) => {
          if (page > 2) return;
          // One row older and one newer than any seeded one, so both land on either side of the walk.
          await insertRow[list.path]!(made++, '2025-01-01T00:00:00.000001Z');
          await insertRow[list.path]!(made++);
          await insertRow[list.path]!(made++, new Date().toISOString());
        },
      );
      expectWalkOf(ids(walked), before, ids(await whole(query)));
    }
  });

  it('refuses bad pagination parameters with 400', async () => {
    for (const [query, field] of [
      ['per_page=101', 'querystring.per_page'],
      ['per_page=0', 'querystring.per_page'],
      ['page=-1', 'querystring.page'],
      ['limit=0', 'querystring.limit'],
      ['limit=101', 'querystring.limit'],
      ['bogus=1', 'querystring.bogus'],
      ['cursor=garbage!', 'cursor'],
    ] as const)
      expectInvalid(await get(`${list.path}?${query}`), field);
    const cursor = (await get(`${list.path}?${list.scope}&limit=1`)).json().pagination.cursor as string;
    expectInvalid(await get(`${list.path}?cursor=${cursor}&page=1`), 'cursor');
    if ((list.sorts as readonly string[]).includes('name'))
      expectInvalid(await get(`${list.path}?cursor=${cursor}&sort=name`), 'cursor');
    const forge = (v: unknown[]) =>
      Buffer.from(JSON.stringify({ s: '-created_at', v })).toString('base64url');
    const sort = list.path === '/platform/admins' ? '&sort=-created_at' : '';
    for (const bad of [
      forge(['2026-02-30T10:00:00.000000Z', 'x']),
      forge(['2026-03-01T10:00:00.000Z', 'pl-1']),
      forge([12, 'pl-1']),
      forge(['2026-03-01T10:00:00.000000Z']),
    ])
      expectInvalid(await get(`${list.path}?cursor=${bad}${sort}`), 'cursor');
    if (list.path !== '/tenants')
      expectInvalid(
        await get(`${list.path}?cursor=${forge(['2026-03-01T10:00:00.000000Z', 'no-uuid'])}${sort}`),
        'cursor',
      );
  });
});

describe('list filters', () => {
  const all = async (url: string) => {
    const response = await get(`${url}&per_page=100`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data as Array<Record<string, string>>;
  };

  it('/tenants refuses an unknown or empty status, lists deleted tenants only when asked', async () => {
    expectInvalid(await get('/tenants?status=bogus'), 'querystring.status');
    expectInvalid(await get('/tenants?status='), 'querystring.status');
    const listed = await all('/tenants?q=plist');
    expect(listed.some((t) => t.status === 'deleted')).toBe(false);
    const walked = await cursorWalk<Record<string, string>>(get, '/tenants?q=plist&limit=3');
    expect(walked.some((t) => t.status === 'deleted')).toBe(false);
    const deleted = await cursorWalk<Record<string, string>>(get, '/tenants?q=plist&status=deleted&limit=2');
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted.every((t) => t.status === 'deleted')).toBe(true);
    expect(deleted.map((t) => t.id)).toEqual((await all('/tenants?q=plist&status=deleted')).map((t) => t.id));
  });

  it.for(['/tenants', '/demo-requests'])(
    '%s filters by creation time, in page and cursor mode',
    async (path) => {
      const from = '2026-03-02T10:00:00.000001Z';
      const to = '2026-03-03T10:00:00.000001Z';
      const rows = await all(`${path}?q=plist&created_from=${from}&created_to=${to}&sort=created_at`);
      expect(rows.length).toBeGreaterThan(0);
      // Microseconds count: the rows at .000000 of the first day are out, those at .000001 in.
      const between = (r: Record<string, string>) =>
        r.created_at! >= '2026-03-02T10:00:00.000Z' && r.created_at! <= '2026-03-03T10:00:00.000Z';
      expect(rows.every(between)).toBe(true);
      const window = await cursorWalk<Record<string, string>>(
        get,
        `${path}?q=plist&created_from=${from}&created_to=${to}&sort=created_at&limit=2`,
      );
      expect(window.map((r) => r.id)).toEqual(rows.map((r) => r.id));
      const everything = await all(`${path}?q=plist&sort=created_at`);
      expect(rows.length).toBeLessThan(everything.filter(between).length);
      expectInvalid(await get(`${path}?created_from=yesterday`), 'querystring.created_from');
    },
  );

  it('/demo-requests searches company name and email, LIKE wildcards taken literally, and sorts by name', async () => {
    const acme = await all('/demo-requests?q=ACME');
    expect(acme.length).toBeGreaterThan(0);
    expect(acme.every((r) => r.company_name!.toLowerCase().includes('acme'))).toBe(true);
    const beta = await all('/demo-requests?q=@beta.example');
    expect(beta.length).toBeGreaterThan(0);
    expect(beta.every((r) => r.email!.endsWith('@beta.example'))).toBe(true);
    for (const wildcard of ['%', '_', '%_'])
      expect(
        (await all(`/demo-requests?q=${encodeURIComponent(wildcard)}`)).every(
          (r) => r.company_name === 'Plist 100%_sure',
        ),
      ).toBe(true);
    expect((await all(`/demo-requests?q=${encodeURIComponent('%_')}`)).length).toBeGreaterThan(0);
    const byName = await cursorWalk<Record<string, string>>(get, '/demo-requests?q=plist&sort=name&limit=3');
    const names = byName.map((r) => r.company_name!);
    expect(names).toEqual((await all('/demo-requests?q=plist&sort=name')).map((r) => r.company_name));
    const pending = await cursorWalk<Record<string, string>>(
      get,
      '/demo-requests?status=pending&q=plist&limit=2',
    );
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((r) => r.status === 'pending')).toBe(true);
    expectInvalid(await get('/demo-requests?status=maybe'), 'querystring.status');
  });

  it('/outbox answers a total that agrees with its rows while mail is being written', async () => {
    const to = `racing-${randomUUID().slice(0, 8)}@outbox.example`;
    const insert = () =>
      tb.services.tenancy.adminPool.query(
        `insert into platform.mail_outbox (id, tenant_id, recipient, subject, body, kind, created_at)
         values ($1, null, $2, 'race', 'text', 'test', now())`,
        [randomUUID(), to],
      );
    for (let round = 0; round < 40; round++) {
      const [, response] = await Promise.all([insert(), get(`/outbox?to=${to}&per_page=100`)]);
      const body = response.json();
      expect(body.pagination.total, `round ${round}`).toBe(body.data.length);
    }
  });
});
