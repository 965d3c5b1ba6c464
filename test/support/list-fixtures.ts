import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { DEPLOYMENT_STATUSES } from '../../src/modules/deployments/deployments.tables.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import type { TestInstance } from './test-instance.js';

/** A deployment as the list routes return it. */
export interface Row {
  id: string;
  project_name: string;
  status: string;
  created_at: string;
}

export const T0 = Date.parse('2024-01-01T00:00:00.000Z');
export const SEEDED = 25;

export const listTenant = (isolation: Isolation) => `list-${isolation}`;

/** Names of five lowercase letters: they sort alike under any collation. */
export const nameOf = (i: number) =>
  `${i % 3 === 0 ? 'blu' : 'grn'}${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))}`;

/**
 * An enterprise tenant (no creation quota) with SEEDED deployments, two per minute from T0,
 * written straight to storage so their creation times are known. Rows sharing a creation time,
 * rows 5 and 6 sharing a name and five of each status are ties a sort must break by id.
 */
export async function seedListTenant(tb: TestInstance, isolation: Isolation): Promise<void> {
  await tb.createTenant({ id: listTenant(isolation), isolation, tier: 'enterprise' });
  const tenant = (await tb.services.tenancy.registry.load(listTenant(isolation) as TenantId))!;
  await tb.services.tenancy.withTenant(tenant, (scope) => {
    const rows = Array.from({ length: SEEDED }, (_, i) => {
      const at = new Date(T0 + Math.floor(i / 2) * 60_000);
      return {
        tenant_id: scope.tenantId,
        id: randomUUID(),
        project_name: nameOf(i === 6 ? 5 : i),
        status: DEPLOYMENT_STATUSES[i % DEPLOYMENT_STATUSES.length]!,
        url: null,
        created_at: at,
        updated_at: at,
      };
    });
    return scope.db.insertInto('deployments').values(rows).execute();
  });
}

/** GETs the deployments list of the isolation's list tenant as the platform administrator. */
export function lister(instance: () => TestInstance, token: () => string) {
  return (
    isolation: Isolation,
    query: Record<string, string | number | undefined>,
    prefix = '/api/v1',
  ): Promise<LightMyRequestResponse> =>
    instance().app.inject({
      url: `${prefix}/deployments`,
      query: Object.fromEntries(
        Object.entries(query)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ),
      headers: { authorization: `Bearer ${token()}`, 'x-tenant-id': listTenant(isolation) },
    });
}

/** Ids in the order SPEC §5 promises for `sort`, ties broken by id in the same direction. */
export function sortedIds(rows: Row[], sort: string): string[] {
  const descending = sort.startsWith('-');
  const field = sort.replace('-', '');
  const key: keyof Row = field === 'name' ? 'project_name' : (field as keyof Row);
  const cmp = (a: Row, b: Row) =>
    a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return [...rows].sort((a, b) => (descending ? cmp(b, a) : cmp(a, b))).map((row) => row.id);
}
