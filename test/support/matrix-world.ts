import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import type { Tier } from '../../src/tenancy/tiers.js';
import { READ_BACK_AT, ROW_SEEDS } from './matrix-seeds.js';
import { sampleValue } from './sample-body.js';
import { pathOf, type TenantRoute } from './tenant-routes.js';
import type { TestInstance } from './test-instance.js';

const TIER: Record<Isolation, Tier> = { pool: 'standard', schema: 'premium', database: 'enterprise' };

/** One tenant of a matrix pair and the rows the suite made in it, keyed by collection path. */
export interface Side {
  id: string;
  name: string;
  /** Written into every string field of this tenant's rows, to spot them in other responses. */
  marker: string;
  rows: Map<string, string>;
  /** Why no row could be made in a collection; the tests of its routes fail with it. */
  missing: Map<string, string>;
}

/** A caller tenant (`a`, signed in as its owner) and another tenant (`b`) in the same isolation model. */
export interface World {
  isolation: Isolation;
  a: Side;
  b: Side;
  aToken: string;
  adminToken: string;
}

/** Query parameters; a list repeats the parameter. */
export type Query = Record<string, string | string[]>;

export interface CallOptions {
  /** Bearer token; none is sent without one. */
  token?: string;
  id?: string | undefined;
  headers?: Record<string, string>;
  query?: Query;
  body?: unknown;
  /** The tenant whose rows fill the route's parent parameters (`/entries/:type`). */
  side?: Side;
}

/** Sends `route` through the app in-process. */
export function call(
  tb: TestInstance,
  route: TenantRoute,
  options: CallOptions,
): Promise<LightMyRequestResponse> {
  return tb.app.inject({
    method: route.method as InjectOptions['method'],
    url: pathOf(route, options.id, options.side ? parentsOf(options.side, route) : {}),
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    ...(options.query ? { query: options.query } : {}),
    ...(options.body !== undefined ? { payload: options.body as InjectOptions['payload'] } : {}),
  });
}

/** The side's own rows named by the route's parent parameters. */
export function parentsOf(side: Side, route: TenantRoute): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, collection] of Object.entries(route.parents)) {
    const row = side.rows.get(collection);
    if (row === undefined)
      throw new Error(`${route.label}: ${side.missing.get(collection) ?? `no row in ${collection}`}`);
    values[name] = row;
  }
  return values;
}

let bodies = 0;

/**
 * A request body for `route` whose strings start with `marker`, or undefined when it takes none.
 * Each body is new, so unique fields (emails, names) never collide with an earlier one.
 */
export function bodyFor(route: TenantRoute, marker: string): unknown {
  bodies += 1;
  return route.body ? sampleValue(route.body as Record<string, unknown>, `${marker}${bodies}`) : undefined;
}

/** The id of the row the suite made in `side` for the collection `route` belongs to. */
export function rowOf(side: Side, route: TenantRoute): string {
  const id = side.rows.get(route.collection);
  if (id === undefined) throw new Error(`${route.label}: ${side.missing.get(route.collection) ?? 'no row'}`);
  return id;
}

/** Everything of `side` that must never show up in a response to the other tenant. */
export function secretsOf(side: Side): string[] {
  return [side.id, side.name, side.marker, ...side.rows.values()];
}

async function makeRows(tb: TestInstance, routes: TenantRoute[], side: Side, as: CallOptions): Promise<void> {
  const collections = new Set(routes.filter((r) => r.param).map((r) => r.collection));
  for (const collection of collections) {
    const create = routes.find((r) => r.method === 'POST' && !r.param && r.collection === collection);
    const seed = ROW_SEEDS[collection];
    if (seed) {
      side.rows.set(
        collection,
        await seed(
          (url, body) =>
            tb.app.inject({
              method: body === undefined ? 'GET' : 'POST',
              url,
              headers: { ...(as.token ? { authorization: `Bearer ${as.token}` } : {}), ...as.headers },
              ...(body !== undefined ? { payload: body as object } : {}),
            }),
          side.marker,
        ),
      );
      continue;
    }
    if (!create) {
      side.missing.set(collection, `no POST ${collection} route to make a row with`);
      continue;
    }
    const response = await call(tb, create, { ...as, side, body: bodyFor(create, side.marker) });
    // 201 made the row; 202 made it and work on it continues in the background (a forecast run).
    const data = [201, 202].includes(response.statusCode) ? response.json().data : undefined;
    const param = routes.find((r) => r.collection === collection && r.param)!.param!;
    const id = data?.[param] ?? data?.id;
    if (typeof id === 'string') side.rows.set(collection, id);
    else side.missing.set(collection, `POST ${collection} answered ${response.statusCode} ${response.body}`);
  }
}

/** Creates the pair of tenants for one isolation model and a row in each collection of each. */
export async function buildWorld(
  tb: TestInstance,
  routes: TenantRoute[],
  isolation: Isolation,
): Promise<World> {
  const side = (letter: string, name: string): Side => ({
    id: `${isolation}-${letter}`,
    name,
    marker: `mx${letter}${isolation}${Math.random().toString(36).slice(2, 8)}`,
    rows: new Map(),
    missing: new Map(),
  });
  const a = side('a', `Alpha ${isolation} Caller`);
  const b = side('b', `Bravo ${isolation} Secretco`);
  const adminToken = await tb.adminToken();
  await Promise.all(
    [a, b].map(async (t) => {
      const tenant = await tb.createTenant({ id: t.id, name: t.name, isolation, tier: TIER[isolation] });
      if (tenant.status !== 'active') throw new Error(`${t.id} is ${String(tenant.status)}`);
    }),
  );
  const aToken = await tb.login(`owner@${a.id}.test`, 'owner-password-1', a.id);
  await makeRows(tb, routes, a, { token: aToken });
  await makeRows(tb, routes, b, { token: adminToken, headers: { 'x-tenant-id': b.id } });
  return { isolation, a, b, aToken, adminToken };
}

/** Reads a row back as the platform administrator inside `side`'s tenant: the body, or the status. */
export async function readBack(
  tb: TestInstance,
  routes: TenantRoute[],
  world: World,
  side: Side,
  created: string,
  id: string,
): Promise<unknown> {
  const collection = READ_BACK_AT[created] ?? created;
  const as = { token: world.adminToken, headers: { 'x-tenant-id': side.id }, side };
  // A write that wrongly landed in this tenant would not have dropped its cached reads.
  await tb.services.cache.invalidate(side.id);
  const item = routes.find(
    (r) => r.method === 'GET' && r.collection === collection && r.url.endsWith(`/:${r.param}`),
  );
  if (item) {
    const response = await call(tb, item, { ...as, id });
    return response.statusCode === 200 ? response.json().data : response.statusCode;
  }
  const list = routes.find((r) => r.method === 'GET' && !r.param && r.collection === collection);
  if (!list) throw new Error(`no GET route reads ${collection} back`);
  const rows = (await call(tb, list, as)).json().data as Array<Record<string, unknown>>;
  return rows.find((row) => row.id === id) ?? 404;
}
