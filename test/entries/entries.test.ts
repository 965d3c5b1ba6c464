import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, TIER_OF } from '../support/identity-api.js';
import { ISOLATIONS, startTestInstance } from '../support/test-instance.js';

const tb = await startTestInstance();
afterAll(() => tb.destroy());

const VEHICLE_SCHEMA = {
  type: 'object',
  required: ['plate', 'status'],
  additionalProperties: false,
  properties: {
    plate: { type: 'string', minLength: 1, maxLength: 20 },
    status: { enum: ['in_service', 'retired', 'repair'] },
    seats: { type: 'integer', minimum: 1 },
    electric: { type: 'boolean' },
    bought: { type: 'string', format: 'date' },
    driver: { type: 'string', format: 'uuid', 'x-entry-ref': 'drivers' },
  },
};
const DRIVER_SCHEMA = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } },
};

describe.for(ISOLATIONS)('entries in a %s tenant', (isolation) => {
  const id = `ent-${isolation}`;
  const other = `ent-${isolation}-b`;
  let token = '';
  let otherToken = '';
  const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: unknown, t = token) =>
    api(tb, t, method, path, payload === undefined ? {} : { payload });

  beforeAll(async () => {
    await Promise.all([
      tb.createTenant({ id, isolation, tier: TIER_OF[isolation] }),
      tb.createTenant({ id: other, isolation, tier: TIER_OF[isolation] }),
    ]);
    token = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    otherToken = await tb.login(`owner@${other}.test`, 'owner-password-1', other);
    for (const t of [token, otherToken]) {
      expect(
        (await as('POST', '/entry-types', { key: 'drivers', name: 'Drivers', schema: DRIVER_SCHEMA }, t))
          .statusCode,
      ).toBe(201);
      const vehicles = await as(
        'POST',
        '/entry-types',
        { key: 'vehicles', name: 'Vehicles', schema: VEHICLE_SCHEMA },
        t,
      );
      expect(vehicles.statusCode, vehicles.body).toBe(201);
    }
  });

  it('manages entry types: get, list, rename, duplicate 409, unknown 404', async () => {
    const got = await as('GET', '/entry-types/vehicles');
    expect(got.statusCode).toBe(200);
    expect(got.json().data).toMatchObject({
      key: 'vehicles',
      name: 'Vehicles',
      feature: null,
      entry_count: 0,
    });
    const list = await as('GET', '/entry-types');
    expect(list.json().data.map((t: { key: string }) => t.key)).toEqual(['drivers', 'vehicles']);
    const dup = await as('POST', '/entry-types', {
      key: 'vehicles',
      name: 'Again',
      schema: { type: 'object' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CONFLICT');
    expect((await as('GET', '/entry-types/nope')).statusCode).toBe(404);
    expect((await as('PATCH', '/entry-types/nope', { name: 'x' })).statusCode).toBe(404);
    expect((await as('GET', '/entries/nope')).json().error.code).toBe('NOT_FOUND');
    const renamed = await as('PATCH', '/entry-types/drivers', { name: 'Chauffeurs' });
    expect(renamed.json().data.name).toBe('Chauffeurs');
  });

  it('refuses schemas that are not valid JSON Schema, remote $ref and unknown formats with 400', async () => {
    const bad = [
      { type: 'object', properties: { a: { type: 'strnig' } } },
      { type: 'object', properties: { a: { $ref: 'https://example.com/schema.json' } } },
      { type: 'object', properties: { a: { type: 'string', format: 'shoe-size' } } },
      { type: 'object', properties: { a: { minLength: -1 } } },
      { type: 'object', required: 'a' },
      { type: 'object', $schema: 'http://json-schema.org/draft-04/schema#' },
      { type: 'object', properties: { a: { type: 'string', 'x-entry-ref': 'Not A Key' } } },
      { type: 'object', properties: { a: { $ref: '#/$defs/missing' } } },
    ];
    for (const schema of bad) {
      const response = await as('POST', '/entry-types', { key: 'broken', name: 'Broken', schema });
      expect(response.statusCode, JSON.stringify(schema)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.details[0].path).toMatch(/^schema/);
    }
    const notObject = await as('POST', '/entry-types', {
      key: 'broken',
      name: 'B',
      schema: { type: 'array' },
    });
    expect(notObject.statusCode).toBe(400);
    const remote = await as('POST', '/entry-types', {
      key: 'broken',
      name: 'B',
      schema: { type: 'object', properties: { a: { $ref: 'https://example.com/s.json' } } },
    });
    expect(remote.json().error.details[0].message).toContain('only local references');
    const unknownFeature = await as('POST', '/entry-types', {
      key: 'broken',
      name: 'B',
      schema: { type: 'object' },
      feature: 'nothing_like_it',
    });
    expect(unknownFeature.statusCode).toBe(400);
  });

  it('refuses patterns that backtrack catastrophically at type create and update with 400', async () => {
    const code = (pattern: string) => ({ type: 'object', properties: { code: { type: 'string', pattern } } });
    const refusals = [
      [code('^(a+)+$'), 'schema.properties.code.pattern'],
      [
        { type: 'object', patternProperties: { '^(x|xy)*$': { type: 'string' } } },
        'schema.patternProperties["^(x|xy)*$"]',
      ],
      [
        {
          type: 'object',
          properties: { tags: { type: 'array', items: { type: 'string', pattern: '(a)\\1' } } },
        },
        'schema.properties.tags.items.pattern',
      ],
      [{ type: 'object', $defs: { c: { pattern: '(.*a){12}' } } }, 'schema.$defs.c.pattern'],
    ] as const;
    for (const [schema, path] of refusals) {
      const created = await as('POST', '/entry-types', { key: 'regexy', name: 'R', schema });
      expect(created.statusCode, JSON.stringify(schema)).toBe(400);
      expect(created.json().error.details).toEqual([
        { path, message: expect.stringMatching(/backtrack catastrophically/) },
      ]);
    }
    const safe = await as('POST', '/entry-types', {
      key: 'regexy',
      name: 'R',
      schema: code('^[a-z0-9]+(?:-[a-z0-9]+)*$'),
    });
    expect(safe.statusCode, safe.body).toBe(201);
    const updated = await as('PATCH', '/entry-types/regexy', { schema: code('^(\\w+\\s?)*$') });
    expect(updated.statusCode).toBe(400);
    expect(updated.json().error.details[0].path).toBe('schema.properties.code.pattern');
    // A field named `pattern` is a field, and data holding a regex is data.
    const named = await as('PATCH', '/entry-types/regexy', {
      schema: {
        type: 'object',
        properties: { pattern: { type: 'string', default: '(a+)+', enum: ['(a+)+'] } },
      },
    });
    expect(named.statusCode, named.body).toBe(200);
    expect((await as('DELETE', '/entry-types/regexy')).statusCode).toBe(204);
  });

  it('validates entries: one detail per field with data.<field> paths, formats enforced', async () => {
    const response = await as('POST', '/entries/vehicles', {
      data: { plate: '', status: 'flying', seats: 0, bought: '2024-13-45', extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    const details = response.json().error.details as Array<{ path: string; message: string }>;
    const paths = details.map((d) => d.path).sort();
    expect(paths).toEqual(['data.bought', 'data.extra', 'data.plate', 'data.seats', 'data.status']);
    const missing = await as('POST', '/entries/vehicles', { data: {} });
    expect(
      missing
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['data.plate', 'data.status']);
    const email = await as('POST', '/entries/drivers', { data: { name: 'A', email: 'not an email' } });
    expect(email.json().error.details).toEqual([
      { path: 'data.email', message: expect.stringContaining('email') },
    ]);
  });

  it('creates, reads, merge-patches (validated whole) and deletes entries', async () => {
    const created = await as('POST', '/entries/vehicles', {
      data: { plate: 'AB-123', status: 'in_service', seats: 5 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json().data;
    expect(entry).toMatchObject({ type: 'vehicles', data: { plate: 'AB-123', seats: 5 } });
    expect(typeof entry.created_by).toBe('string');
    const patched = await as('PATCH', `/entries/vehicles/${entry.id}`, {
      data: { seats: null, electric: true },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().data.data).toEqual({ plate: 'AB-123', status: 'in_service', electric: true });
    const invalid = await as('PATCH', `/entries/vehicles/${entry.id}`, { data: { status: null } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details).toEqual([{ path: 'data.status', message: 'is required' }]);
    expect((await as('GET', `/entries/vehicles/${entry.id}`)).json().data.data.electric).toBe(true);
    // The id under another type is missing.
    expect((await as('GET', `/entries/drivers/${entry.id}`)).statusCode).toBe(404);
    expect((await as('GET', `/entries/vehicles/not-a-uuid`)).statusCode).toBe(404);
    expect((await as('DELETE', `/entries/vehicles/${entry.id}`)).statusCode).toBe(204);
    expect((await as('GET', `/entries/vehicles/${entry.id}`)).statusCode).toBe(404);
  });

  it("checks x-entry-ref inside the tenant: another tenant's entry is as missing as an unknown one", async () => {
    const mine = (await as('POST', '/entries/drivers', { data: { name: 'Mine' } })).json().data;
    const theirs = (await as('POST', '/entries/drivers', { data: { name: 'Theirs' } }, otherToken)).json()
      .data;
    const ok = await as('POST', '/entries/vehicles', {
      data: { plate: 'R1', status: 'repair', driver: mine.id },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const cross = await as('POST', '/entries/vehicles', {
      data: { plate: 'R2', status: 'repair', driver: theirs.id },
    });
    const unknown = await as('POST', '/entries/vehicles', {
      data: { plate: 'R2', status: 'repair', driver: randomUUID() },
    });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error).toEqual(unknown.json().error);
    expect(cross.json().error.details).toEqual([
      { path: 'data.driver', message: 'no drivers entry has this id' },
    ]);
    expect(cross.body).not.toContain('Theirs');
    // A vehicle id is not a driver.
    const wrongType = await as('POST', '/entries/vehicles', {
      data: { plate: 'R3', status: 'repair', driver: ok.json().data.id },
    });
    expect(wrongType.statusCode).toBe(400);
    const patched = await as('PATCH', `/entries/vehicles/${ok.json().data.id}`, {
      data: { driver: theirs.id },
    });
    expect(patched.statusCode).toBe(400);
  });

  it('refuses a schema change existing entries fail with 409 naming how many, accepts one they pass', async () => {
    await as('POST', '/entry-types', {
      key: 'tools',
      name: 'Tools',
      schema: { type: 'object', properties: { name: { type: 'string' }, weight: { type: 'number' } } },
    });
    await as('POST', '/entries/tools', { data: { name: 'hammer' } });
    await as('POST', '/entries/tools', { data: { name: 'saw' } });
    await as('POST', '/entries/tools', { data: { name: 'drill', weight: 2 } });
    const stricter = {
      type: 'object',
      required: ['weight'],
      properties: { name: { type: 'string' }, weight: { type: 'number' } },
    };
    const refused = await as('PATCH', '/entry-types/tools', { schema: stricter });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('2 existing entries');
    const looser = {
      type: 'object',
      properties: { name: { type: 'string', maxLength: 10 }, weight: { type: 'number' } },
    };
    const accepted = await as('PATCH', '/entry-types/tools', { schema: looser });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // The new schema applies at once (the cached validator was replaced).
    const tooLong = await as('POST', '/entries/tools', { data: { name: 'a very long tool name' } });
    expect(tooLong.json().error.details[0].path).toBe('data.name');
    const hasEntries = await as('DELETE', '/entry-types/tools');
    expect(hasEntries.statusCode).toBe(409);
    expect(hasEntries.json().error.message).toContain('3 entries');
    await as('POST', '/entry-types', { key: 'empty', name: 'Empty', schema: { type: 'object' } });
    expect((await as('DELETE', '/entry-types/empty')).statusCode).toBe(204);
    expect((await as('GET', '/entry-types/empty')).statusCode).toBe(404);
    const audit = await as('GET', '/audit?per_page=100');
    const actions = audit.json().data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['entry_type.create', 'entry_type.update', 'entry_type.delete']),
    );
  });

  it('filters by field (value converted to the field type), searches string fields, sorts and pages', async () => {
    await as('POST', '/entry-types', {
      key: 'parts',
      name: 'Parts',
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          status: { enum: ['new', 'used'] },
          count: { type: 'integer' },
          ok: { type: 'boolean' },
          tags: { type: 'array' },
        },
      },
    });
    for (let i = 0; i < 25; i += 1) {
      const data: Record<string, unknown> = {
        name: `part ${String(i).padStart(2, '0')}`,
        status: i % 2 ? 'used' : 'new',
        ok: i % 5 === 0,
      };
      if (i % 7 !== 0) data.count = i % 4;
      expect((await as('POST', '/entries/parts', { data })).statusCode).toBe(201);
    }
    const get = (query: string) => as('GET', `/entries/parts?${query}`);
    const used = await get('filter[status]=used&per_page=100');
    expect(used.json().pagination.total).toBe(12);
    expect(used.json().data.every((e: { data: { status: string } }) => e.data.status === 'used')).toBe(true);
    expect(
      (await get('filter[count]=2&filter[status]=new'))
        .json()
        .data.map((e: { data: { count: number } }) => e.data.count),
    ).toEqual(expect.arrayContaining([2]));
    expect((await get('filter[ok]=true')).json().pagination.total).toBe(5);
    for (const bad of [
      'filter[count]=two',
      'filter[ok]=yes',
      'filter[nope]=1',
      'filter[tags]=a',
      'filter[status]=old',
      'sort=data.nope',
      'sort=sideways',
      'cursor=zzz',
    ]) {
      const response = await get(bad);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().error.code, bad).toBe('VALIDATION_FAILED');
    }
    expect((await get('q=PART 1')).json().pagination.total).toBe(10);
    // Punctuation alone names no word: nothing matches, where a blank q filters nothing.
    for (const q of ['%25', '_', '%25_-']) expect((await get(`q=${q}`)).json().pagination.total, q).toBe(0);
    expect((await get('q=%20%20')).json().pagination.total).toBe((await get('')).json().pagination.total);
    const byCount = (await get('sort=-data.count&per_page=100')).json().data as Array<{
      data: { count?: number };
    }>;
    const counts = byCount.map((e) => e.data.count);
    const present = counts.filter((c) => c !== undefined) as number[];
    expect(present).toEqual([...present].sort((a, b) => b - a));
    // Missing values sort together at one end.
    expect(
      counts.slice(0, 4).every((c) => c === undefined) || counts.slice(-4).every((c) => c === undefined),
    ).toBe(true);
    const byName = (await get('sort=data.name&per_page=3'))
      .json()
      .data.map((e: { data: { name: string } }) => e.data.name);
    expect(byName).toEqual(['part 00', 'part 01', 'part 02']);

    for (const sort of ['-created_at', 'created_at', 'data.count', '-data.name', 'data.status']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await get(`limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.statusCode, response.body).toBe(200);
        seen.push(...response.json().data.map((e: { id: string }) => e.id));
        cursor = response.json().pagination.cursor;
        // Entries inserted while paging never make a page skip or repeat an old one.
        if (pages === 1)
          await as('POST', '/entries/parts', { data: { name: `late ${sort}`, status: 'new', count: 1 } });
        pages += 1;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(seen.length);
      const all = (await get(`per_page=100&sort=${sort}`))
        .json()
        .data.map((e: { id: string }) => e.id) as string[];
      const before = all.filter((entry) => seen.includes(entry));
      expect(
        seen.filter((entry) => all.includes(entry)),
        sort,
      ).toEqual(before);
      expect(seen.length).toBeGreaterThanOrEqual(25);
    }
  });

  it('answers 403 FEATURE_DISABLED for a type whose feature is off, and refuses a viewer writes', async () => {
    const gated = await as('POST', '/entry-types', {
      key: 'gated',
      name: 'Gated',
      schema: { type: 'object' },
      feature: 'bom_management',
    });
    expect(gated.statusCode, gated.body).toBe(201);
    for (const [method, path] of [
      ['GET', '/entries/gated'],
      ['POST', '/entries/gated'],
      ['GET', `/entries/gated/${randomUUID()}`],
    ] as const) {
      const response = await as(method, path, method === 'POST' ? { data: {} } : undefined);
      expect(response.statusCode, path).toBe(403);
      expect(response.json().error.code).toBe('FEATURE_DISABLED');
    }
    const admin = await tb.adminToken();
    await api(tb, admin, 'PATCH', `/tenants/${id}`, {
      payload: { feature_overrides: { bom_management: true } },
    });
    expect((await as('GET', '/entries/gated')).statusCode).toBe(200);
    await api(tb, admin, 'PATCH', `/tenants/${id}`, { payload: { feature_overrides: { entries: false } } });
    const off = await as('GET', '/entry-types');
    expect(off.json().error.code).toBe('FEATURE_DISABLED');
    await api(tb, admin, 'PATCH', `/tenants/${id}`, { payload: { feature_overrides: { entries: true } } });
    const invited = await as('POST', '/users', {
      email: `viewer@${id}.test`,
      role: 'viewer',
      password: 'viewer-password-1',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const viewer = await tb.login(`viewer@${id}.test`, 'viewer-password-1', id);
    expect((await as('GET', '/entries/vehicles', undefined, viewer)).statusCode).toBe(200);
    expect(
      (await as('POST', '/entries/vehicles', { data: { plate: 'V', status: 'retired' } }, viewer)).json()
        .error.code,
    ).toBe('FORBIDDEN');
    expect(
      (await as('POST', '/entry-types', { key: 'v', name: 'V', schema: { type: 'object' } }, viewer)).json()
        .error.code,
    ).toBe('FORBIDDEN');
  });

  it("names a type's switched-off feature before any permission refusal", async () => {
    const admin = await tb.adminToken();
    await api(tb, admin, 'PATCH', `/tenants/${id}`, {
      payload: { feature_overrides: { bom_management: false } },
    });
    const outsiderRole = await as('POST', '/roles', { name: 'outsider', permissions: [] });
    expect(outsiderRole.statusCode, outsiderRole.body).toBe(201);
    for (const [email, role] of [
      [`viewer2@${id}.test`, 'viewer'],
      [`outsider@${id}.test`, 'outsider'],
    ] as const) {
      const user = await as('POST', '/users', { email, role, password: 'user-password-1' });
      expect(user.statusCode, user.body).toBe(201);
    }
    const viewer = await tb.login(`viewer2@${id}.test`, 'user-password-1', id);
    const outsider = await tb.login(`outsider@${id}.test`, 'user-password-1', id);
    const staff = await api(tb, admin, 'POST', '/platform/admins', {
      payload: {
        email: `support-${isolation}@operator.test`,
        role: 'platform_support',
        password: 'staff-password-1',
      },
    });
    expect(staff.statusCode, staff.body).toBe(201);
    const support = await tb.login(`support-${isolation}@operator.test`, 'staff-password-1');
    const inTenant = { 'x-tenant-id': id };
    const entry = `/entries/gated/${randomUUID()}`;
    const refusals = [
      await as('POST', '/entries/gated', { data: {} }, viewer),
      await as('PATCH', entry, { data: {} }, viewer),
      await as('DELETE', entry, undefined, viewer),
      await as('GET', '/entries/gated', undefined, outsider),
      await as('GET', entry, undefined, outsider),
      await api(tb, support, 'POST', '/entries/gated', { payload: { data: {} }, headers: inTenant }),
      await api(tb, support, 'DELETE', entry, { headers: inTenant }),
    ];
    for (const refused of refusals) {
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().error.code).toBe('FEATURE_DISABLED');
    }
    // A type whose feature is on, or one that does not exist, still gets the permission's answer.
    for (const path of ['/entries/vehicles', '/entries/nothing_here', '/entries/NOT-A-KEY']) {
      const refused = await as('POST', path, { data: {} }, viewer);
      expect(refused.json().error.code, path).toBe('FORBIDDEN');
      expect((await as('GET', path, undefined, outsider)).json().error.code, path).toBe('FORBIDDEN');
    }
    // This tenant's gated type says nothing to another tenant's viewer: the lookup is in the caller's tenant.
    const otherViewer = await as(
      'POST',
      '/users',
      { email: `viewer2@${other}.test`, role: 'viewer', password: 'user-password-1' },
      otherToken,
    );
    expect(otherViewer.statusCode, otherViewer.body).toBe(201);
    const stranger = await tb.login(`viewer2@${other}.test`, 'user-password-1', other);
    expect((await as('POST', '/entries/gated', { data: {} }, stranger)).json().error.code).toBe('FORBIDDEN');
    await api(tb, admin, 'PATCH', `/tenants/${id}`, {
      payload: { feature_overrides: { bom_management: true } },
    });
  });
});
