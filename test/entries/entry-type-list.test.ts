import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorWalk, expectInvalid, expectWalkOf } from '../support/cursor-walk.js';
import { api, TIER_OF } from '../support/identity-api.js';
import { ISOLATIONS, startTestInstance } from '../support/test-instance.js';

const tb = await startTestInstance();
afterAll(() => tb.destroy());

const SCHEMA = { type: 'object', properties: { title: { type: 'string' } } };
// Names out of key order, one with LIKE's wildcards in it.
const TYPES: Array<[string, string]> = [
  ['parcels', 'Zebra parcels'],
  ['drivers', 'Alpha drivers'],
  ['vans', 'Middle vans'],
  ['depots', 'Beta 100%_sure depots'],
  ['routes', 'Omega routes'],
  ['stops', 'Gamma stops'],
  ['invoices', 'Delta invoices'],
];

interface TypeRow {
  key: string;
  name: string;
  created_at: string;
}

describe.for(ISOLATIONS)('entry types by cursor in a %s tenant', (isolation) => {
  const id = `etl-${isolation}`;
  let token = '';
  const get = (path: string) => api(tb, token, 'GET', path);
  const create = async (key: string, name: string) => {
    const response = await api(tb, token, 'POST', '/entry-types', { payload: { key, name, schema: SCHEMA } });
    expect(response.statusCode, response.body).toBe(201);
  };
  const keys = (rows: TypeRow[]) => rows.map((r) => r.key);
  const all = async (query: string) => {
    const response = await get(`/entry-types?per_page=100${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data as TypeRow[];
  };

  beforeAll(async () => {
    await tb.createTenant({ id, isolation, tier: TIER_OF[isolation] });
    token = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    for (const [key, name] of TYPES) await create(key, name);
  });

  it('walks every sort by cursor exactly as the page list orders it, by key by default', async () => {
    const byKey = keys(await all(''));
    expect(byKey).toEqual([...byKey].sort());
    expect(byKey).toEqual(expect.arrayContaining(TYPES.map(([key]) => key)));
    for (const sort of ['', 'key', '-key', 'name', '-name', 'created_at', '-created_at']) {
      const query = sort ? `&sort=${sort}` : '';
      const whole = keys(await all(query));
      expect(keys(await cursorWalk<TypeRow>(get, `/entry-types?limit=2${query}`)), sort).toEqual(whole);
    }
    const names = (await all('&sort=name')).map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const created = (await all('&sort=-created_at')).map((r) => r.created_at);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('searches key and name with q, wildcards taken literally', async () => {
    expect(keys(await all('&q=VAN'))).toEqual(['vans']);
    expect(keys(await all('&q=alpha'))).toEqual(['drivers']);
    expect(keys(await all(`&q=${encodeURIComponent('100%_')}`))).toEqual(['depots']);
    expect(keys(await all(`&q=${encodeURIComponent('%')}`))).toEqual(['depots']);
    expect(keys(await cursorWalk<TypeRow>(get, '/entry-types?q=s&sort=-name&limit=1'))).toEqual(
      keys(await all('&q=s&sort=-name')),
    );
  });

  it('neither skips nor repeats a type when types are created during a walk', async () => {
    for (const sort of ['key', 'name', '-created_at']) {
      const before = keys(await all(`&sort=${sort}`));
      const walked = await cursorWalk<TypeRow>(get, `/entry-types?sort=${sort}&limit=2`, async (page) => {
        await create(`a${sort.replace(/\W/g, '')}${page}`, `A new ${page}`);
        await create(`z${sort.replace(/\W/g, '')}${page}`, `Z new ${page}`);
      });
      expectWalkOf(keys(walked), before, keys(await all(`&sort=${sort}`)));
    }
  });

  it('refuses cursor with page, a foreign or garbage cursor, and limit above 100', async () => {
    const cursor = (await get('/entry-types?limit=1')).json().pagination.cursor as string;
    expect(typeof cursor).toBe('string');
    expectInvalid(await get(`/entry-types?cursor=${cursor}&page=1`), 'cursor');
    expectInvalid(await get(`/entry-types?cursor=${cursor}&sort=name`), 'cursor');
    expectInvalid(await get('/entry-types?cursor=garbage!'), 'cursor');
    const badTime = Buffer.from(JSON.stringify({ s: 'created_at', v: ['2026-02-30T00:00:00.000000Z', 'x'] }));
    expectInvalid(
      await get(`/entry-types?sort=created_at&cursor=${badTime.toString('base64url')}`),
      'cursor',
    );
    expectInvalid(await get('/entry-types?limit=101'), 'querystring.limit');
    expect((await get('/entry-types?page=1&per_page=2')).json().pagination).toMatchObject({
      page: 1,
      per_page: 2,
      has_prev: false,
    });
  });
});
