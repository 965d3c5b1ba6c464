import { findTenants } from '../../modules/tenants/find-tenants.js';
import { toTenantView } from '../../modules/tenants/tenant-view.js';
import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../cli-io.js';
import { formatTable } from '../print-table.js';
import { TENANT_STATUSES, type TenantStatus } from '../../tenancy/registry/tenant-record.js';

/** `tenants list [--status s] [--json]`: every tenant, 100 at a time. */
export const listTenantsCommand: CliCommand = {
  name: 'tenants list',
  usage: 'tenants list [--status <status>] [--json]     list tenants with tier, isolation and status',
  options: { status: { type: 'string' } },
  choices: { status: TENANT_STATUSES },
  async run({ services }, { values }, io) {
    const views = [];
    // Cursor pages: a tenant created while listing never makes the walk skip or repeat one.
    for (let cursor: string | null = ''; cursor !== null;) {
      const result = await findTenants(services.tenancy, {
        cursor,
        limit: 100,
        sort: 'created_at',
        ...(typeof values.status === 'string' ? { status: values.status as TenantStatus } : {}),
      });
      views.push(...result.rows.map((row) => toTenantView(row, { platformAdmin: true })));
      cursor = 'cursor' in result.pagination ? result.pagination.cursor : null;
    }
    if (values.json) {
      io.out(JSON.stringify(views, null, 2));
      return EXIT.ok;
    }
    const rows = views.map((t) => [t.id, t.status, t.tier, t.isolation, t.placement ?? '', t.name]);
    for (const line of formatTable(['ID', 'STATUS', 'TIER', 'ISOLATION', 'PLACEMENT', 'NAME'], rows))
      io.out(line);
    io.err(`${views.length} tenant(s)`);
    return EXIT.ok;
  },
};
