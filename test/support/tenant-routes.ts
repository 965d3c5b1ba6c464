import type { FastifySchema, RouteOptions } from 'fastify';
import type { TSchema } from '@sinclair/typebox';

/** A route that only runs inside a tenant, as the isolation suites address it. */
export interface TenantRoute {
  method: string;
  /** Full path with its parameter, e.g. `/api/v1/deployments/:id`. */
  url: string;
  /** The route's path parameter naming one row (`id`), or undefined for a collection route. */
  param: string | undefined;
  /** Path of the collection the row belongs to, e.g. `/api/v1/deployments` (`/api/v1/entries/:type`). */
  collection: string;
  /**
   * Parameters before the row's own that name a row of another collection (the route's
   * `parentParams`), e.g. `{ type: '/api/v1/entry-types' }` on `/api/v1/entries/:type/:id`.
   */
  parents: Record<string, string>;
  body: TSchema | undefined;
  /** The module that registered it and the feature that gates it. */
  module: string | undefined;
  feature: string | null | undefined;
  label: string;
}

/**
 * Records every route the app registers (pass `onRoute` to startTestInstance), so the suites find
 * a newly registered module's routes without being edited.
 */
export function routeCollector(): {
  onRoute: (route: RouteOptions) => void;
  tenantRoutes: () => TenantRoute[];
} {
  // References, not copies: hooks that run after ours (a module's feature tag) still mutate them.
  const seen: RouteOptions[] = [];
  return {
    onRoute: (route) => void seen.push(route),
    tenantRoutes: () => seen.filter((route) => route.config?.tenant === 'required').flatMap(toTenantRoutes),
  };
}

function toTenantRoutes(route: RouteOptions): TenantRoute[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const declared = (route.config?.parentParams ?? {}) as Record<string, string>;
  const prefix = /^\/api(\/v1)?/.exec(route.url)?.[0] ?? '';
  const parents = Object.fromEntries(
    Object.entries(declared).map(([name, path]) => [name, `${prefix}${path}`]),
  );
  const params = (route.url.match(/:[A-Za-z_][A-Za-z0-9_]*/g) ?? [])
    .map((p) => p.slice(1))
    .filter((p) => !(p in parents));
  if (params.length > 1) {
    throw new Error(
      `the isolation suites cannot address ${route.url}: name all but its last parameter in parentParams`,
    );
  }
  const param = params[0];
  const collection = param ? route.url.slice(0, route.url.indexOf(`/:${param}`)) : route.url;
  const schema = route.schema as FastifySchema | undefined;
  return methods
    .filter((method) => method !== 'HEAD') // Fastify's automatic copy of each GET
    .map((method) => ({
      method,
      url: route.url,
      param,
      collection,
      parents,
      body: schema?.body as TSchema | undefined,
      module: route.config?.module,
      feature: route.config?.feature,
      label: `${method} ${route.url}`,
    }));
}

/** A parent parameter value no tenant has: the route answers NOT_FOUND for it. */
export const NO_PARENT = 'no_such_parent';

/**
 * The route's path with its parameter filled in; parent parameters take `parents` (the caller's own
 * rows of their collections), or a value no tenant has.
 */
export function pathOf(route: TenantRoute, id?: string, parents: Record<string, string> = {}): string {
  let url = route.url;
  for (const name of Object.keys(route.parents))
    url = url.replace(`:${name}`, encodeURIComponent(parents[name] ?? NO_PARENT));
  if (!route.param) return url;
  if (id === undefined) throw new Error(`${route.label} needs a row id`);
  return url.replace(`:${route.param}`, encodeURIComponent(id));
}

/** Whether the route addresses something inside a row of another collection (`/entries/:type`). */
export function hasParents(route: TenantRoute): boolean {
  return Object.keys(route.parents).length > 0;
}
