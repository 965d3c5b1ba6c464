import { randomUUID } from 'node:crypto';
import type { FastifySchema, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/protection/json-value-problem.js';
import { sampleValue, UnsampleableSchemaError } from '../support/sample-body.js';
import { startTestInstance } from '../support/test-instance.js';

// Issue 10: NUL bytes, deep nesting and other odd input answered 500. Every route of every
// registered module (and the app's own) is collected as the app registers it, so a new module is
// covered here without editing this file.
const seen: RouteOptions[] = [];
const tb = await startTestInstance({ onRoute: (route) => void seen.push(route) });
afterAll(() => tb.destroy());

const TENANT = 'bad-input';
/** Platform actions that change a tenant's state get a tenant id nobody created. */
const GHOST = 'ghost-tenant';
let owner = '';
let admin = '';
beforeAll(async () => {
  await tb.createTenant({ id: TENANT, tier: 'enterprise' }); // no rate limit in the way
  owner = await tb.login(`owner@${TENANT}.test`, 'owner-password-1', TENANT);
  admin = await tb.adminToken();
});

interface Route {
  method: string;
  url: string;
  body: Record<string, unknown> | undefined;
  query: Record<string, unknown> | undefined;
  platformAdmin: boolean;
  label: string;
}

const routes: Route[] = seen.flatMap((route) => {
  const schema = (route.schema ?? {}) as FastifySchema;
  const config = (route.config ?? {}) as Record<string, unknown>;
  return (Array.isArray(route.method) ? route.method : [route.method])
    .filter((method) => method !== 'HEAD' && !route.url.startsWith('/docs/static'))
    .map((method) => ({
      method,
      url: route.url,
      body: schema.body as Record<string, unknown> | undefined,
      query: schema.querystring as Record<string, unknown> | undefined,
      platformAdmin: config.platformAdmin === true,
      label: `${method} ${route.url}`,
    }));
});
const withBody = routes.filter((route) => route.body);

/** The route's path with its parameters filled so that the request reaches the handler. */
function pathOf(route: Route, fill?: string): string {
  const harmless = route.method === 'GET' || route.body !== undefined;
  return route.url.replace('*', fill ?? 'console').replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    if (fill !== undefined) return fill;
    if (name === 'id' && route.url.startsWith('/api/v1/tenants/:id')) return harmless ? TENANT : GHOST;
    return randomUUID();
  });
}

function send(
  route: Route,
  options: { payload?: InjectOptions['payload']; contentType?: string; url?: string; query?: string } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${route.platformAdmin ? admin : owner}`,
  };
  if (options.contentType) headers['content-type'] = options.contentType;
  const url = options.url ?? pathOf(route);
  return tb.app.inject({
    method: route.method as InjectOptions['method'],
    url: options.query ? `${url}?${options.query}` : url,
    headers,
    ...(options.payload !== undefined ? { payload: options.payload } : {}),
  });
}

/** 4xx with the SPEC §5 envelope: the server refused the input, it did not break on it. */
function expectRefused(response: LightMyRequestResponse, label: string): void {
  expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  const body = response.json();
  expect(body.success, label).toBe(false);
  expect(typeof body.error.code, label).toBe('string');
  expect(typeof body.request_id, label).toBe('string');
}

function sampleBody(route: Route): Record<string, unknown> {
  try {
    const body = sampleValue(route.body!, `bad${Math.random().toString(36).slice(2, 8)}`);
    if (body !== null && typeof body === 'object' && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof UnsampleableSchemaError)) throw error;
  }
  return { field: 'value' };
}

type Leaf = { path: string; value: unknown; set: (body: unknown, value: unknown) => unknown };

/** Every scalar in `value` with its SPEC §5 path (`a.b`, `rows[3]`) and a way to replace it in a copy. */
function leaves(value: unknown, path = '', keys: Array<string | number> = []): Leaf[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => {
      const k = Array.isArray(value) ? Number(key) : key;
      const childPath = typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k;
      return leaves(child, childPath, [...keys, k]);
    });
  }
  const set = (body: unknown, next: unknown) => {
    const copy = structuredClone(body) as Record<string | number, unknown>;
    let at = copy;
    for (const key of keys.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[keys.at(-1)!] = next;
    return copy;
  };
  return [{ path, value, set }];
}

const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const json = 'application/json';

it('finds the routes of every registered module', () => {
  const modules = new Set(seen.map((route) => (route.config as { module?: string } | undefined)?.module));
  for (const module of tb.edge.routes) expect(modules, module.name).toContain(module.name);
  expect(withBody.length).toBeGreaterThanOrEqual(20);
});

describe.for(withBody.map((route) => [route.label, route] as const))('%s', ([, route]) => {
  it('refuses a NUL byte in each string field, naming the field', async () => {
    const body = sampleBody(route);
    for (const leaf of leaves(body).filter((l) => typeof l.value === 'string')) {
      const response = await send(route, { payload: leaf.set(body, `a\u0000b`) as object });
      expectRefused(response, `${route.label} ${leaf.path}`);
      expect(response.statusCode, leaf.path).toBe(400);
      expect(response.json().error.details, leaf.path).toContainEqual({
        path: leaf.path,
        message: expect.stringContaining('NUL'),
      });
    }
  });

  it('refuses lone surrogates and numbers out of range in any field', async () => {
    const body = sampleBody(route);
    for (const leaf of leaves(body)) {
      for (const raw of ['"a\\ud800b"', '"\\udfff"', '1e999', '-1e999']) {
        const text = JSON.stringify(leaf.set(body, '__HOLE__')).replace('"__HOLE__"', raw);
        const response = await send(route, { payload: text, contentType: json });
        expectRefused(response, `${route.label} ${leaf.path}=${raw}`);
        expect(response.json().error.details?.[0]?.path, `${leaf.path}=${raw}`).toBe(leaf.path);
      }
    }
  });

  it('refuses numbers too large for any column, and arrays or strings where objects belong', async () => {
    const body = sampleBody(route);
    for (const leaf of leaves(body)) {
      for (const odd of [
        1e300,
        -1e300,
        2 ** 63,
        Number.MAX_SAFE_INTEGER + 2,
        [],
        {},
        [leaf.value],
        'x'.repeat(100_000),
      ]) {
        const response = await send(route, { payload: leaf.set(body, odd) as object });
        expect(response.statusCode, `${route.label} ${leaf.path}=${String(odd).slice(0, 20)}`).not.toBe(500);
        expect(response.statusCode, `${route.label} ${leaf.path}`).toBeLessThan(500);
      }
    }
  });

  it('refuses a value of the wrong JSON type instead of converting it, naming the field', async () => {
    const body = sampleBody(route);
    const wrong = (value: unknown): unknown[] => {
      if (typeof value === 'string') return [[value], 7, true];
      if (typeof value === 'number') return [String(value), [value], true];
      if (typeof value === 'boolean') return [String(value), value ? 1 : 0, [value]];
      return [];
    };
    for (const leaf of leaves(body)) {
      for (const odd of wrong(leaf.value)) {
        const label = `${route.label} ${leaf.path}=${JSON.stringify(odd)}`;
        const response = await send(route, { payload: leaf.set(body, odd) as object });
        expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBe(400);
        const paths = (response.json().error.details ?? []).map((d: { path: string }) => d.path);
        expect(paths, label).toContain(leaf.path);
      }
    }
  });

  it('refuses deep nesting, prototype keys, bad UTF-8 and malformed or mistyped bodies', async () => {
    const cases: Array<[string, { payload: InjectOptions['payload']; contentType: string }]> = [
      ['5,000 levels deep', { payload: deep(5000), contentType: json }],
      ['100,000 levels deep', { payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, contentType: json }],
      [`${MAX_JSON_DEPTH + 1} levels deep`, { payload: deep(MAX_JSON_DEPTH + 1), contentType: json }],
      ['__proto__ key', { payload: '{"__proto__":{"polluted":true}}', contentType: json }],
      ['constructor.prototype', { payload: '{"constructor":{"prototype":{"x":1}}}', contentType: json }],
      [
        'invalid UTF-8',
        {
          payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
          contentType: json,
        },
      ],
      ['overlong UTF-8 NUL', { payload: Buffer.from('{"a":"\xc0\x80"}', 'latin1'), contentType: json }],
      ['empty JSON body', { payload: '', contentType: json }],
      ['whitespace JSON body', { payload: '  \n', contentType: json }],
      ['truncated JSON', { payload: '{"a":', contentType: json }],
      ['array body', { payload: '[]', contentType: json }],
      ['string body', { payload: '"text"', contentType: json }],
      ['null body', { payload: 'null', contentType: json }],
      ['NUL in a key', { payload: '{"a\\u0000":1}', contentType: json }],
      ['text/plain', { payload: JSON.stringify(sampleBody(route)), contentType: 'text/plain' }],
      ['XML', { payload: '<a/>', contentType: 'application/xml' }],
      ['form', { payload: 'a=b', contentType: 'application/x-www-form-urlencoded' }],
      ['multipart', { payload: '--x\r\n\r\n--x--', contentType: 'multipart/form-data; boundary=x' }],
      ['JSON charset latin1', { payload: '{"a":"\xe9"}', contentType: 'application/json; charset=latin1' }],
    ];
    for (const [what, options] of cases) {
      const response = await send(route, options);
      expectRefused(response, `${route.label} with ${what}`);
    }
  });
});

describe.for(routes.map((route) => [route.label, route] as const))('%s', ([, route]) => {
  it('refuses NUL bytes, bad encodings and huge values in the path and the query string', async () => {
    const names = Object.keys((route.query?.properties as object | undefined) ?? {});
    const queries: Array<[string, string]> = [
      ...names.map((name): [string, string] => [`${name}=a%00b`, `querystring.${name}`]),
      ['q=%00&tenant_id=%00&page=%00', 'querystring.'],
    ];
    for (const [query, path] of queries) {
      const response = await send(route, { query });
      expectRefused(response, `${route.label}?${query}`);
      // A route may refuse the caller before it reads the query (a platform route and a tenant token).
      if (response.statusCode === 400) {
        expect(response.json().error.details?.[0]?.path, `${route.label}?${query}`).toMatch(
          new RegExp(`^${path.replace('.', '\\.')}`),
        );
      }
    }
    const odd = [
      ...names.map((name) => `${name}=${'x'.repeat(100_000)}`),
      ...names.map((name) => `${name}=%FF%FE`),
      ...names.map((name) => `${name}=%ED%A0%80`),
      ...names.map((name) => `${name}=1e999`),
      ...names.map((name) => `${name}=99999999999999999999999`),
      ...names.map((name) => `${name}=-1`),
      ...names.map((name) => `${name}=a&${name}=b`),
      ...names.map((name) => `${name}[a]=b`),
      `q=${'x'.repeat(100_000)}`,
      '%',
      'a=%zz',
    ];
    for (const query of odd) {
      const response = await send(route, { query });
      expect(
        response.statusCode,
        `${route.label}?${query.slice(0, 40)}: ${response.body.slice(0, 200)}`,
      ).toBeLessThan(500);
    }
    if (route.url.includes(':') || route.url.includes('*')) {
      for (const fill of ['a%00b', '%FF', '%ED%A0%80', 'x'.repeat(5000)]) {
        const response = await send(route, { url: pathOf(route, fill) });
        expectRefused(response, `${route.label} with ${fill.slice(0, 20)}`);
      }
      for (const fill of ['..%2F..%2Fetc', '%2e%2e', '%20', '-1', '1e999']) {
        const response = await send(route, { url: pathOf(route, fill) });
        expect(
          response.statusCode,
          `${route.label} with ${fill}: ${response.body.slice(0, 200)}`,
        ).toBeLessThan(500);
      }
    }
  });

  it('refuses a NUL byte in the headers it reads', async () => {
    for (const header of ['x-tenant-id', 'x-request-id', 'host']) {
      const response = await tb.app.inject({
        method: route.method as InjectOptions['method'],
        url: pathOf(route),
        headers: { authorization: `Bearer ${owner}`, [header]: `${TENANT}\u0000x` },
      });
      expectRefused(response, `${route.label} with ${header}`);
    }
  });
});
