import { deleteTenant } from '../../modules/tenant-deletion/delete-tenant.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';
import { runJobsUntil } from '../wait-for.js';

/** `tenants delete <id> --confirm <id>`: erases every row, schema or database of the tenant and proves it. */
export const deleteTenantCommand: CliCommand = {
  name: 'tenants delete',
  usage:
    'tenants delete <id> --confirm <id> [--json]      erase a tenant (rows, schema or database) for good',
  options: { confirm: { type: 'string' } },
  async run(installation, { positionals, values }, io) {
    const [id] = positionals;
    if (!id) throw new CliUsageError('name the tenant: tenants delete <id> --confirm <id>');
    const { tenancy } = installation.services;
    await deleteTenant(tenancy, id, typeof values.confirm === 'string' ? values.confirm : undefined);
    if (!isTenantId(id)) return EXIT.unusable;
    let lastStep = '';
    const tenant = await runJobsUntil(installation, async () => {
      const current = await tenancy.registry.load(id);
      if (current && current.status !== 'deleting') return current;
      if (!values.json && current?.provisioning_step && current.provisioning_step !== lastStep) {
        lastStep = current.provisioning_step;
        io.err(`deleting ${id}: ${lastStep}`);
      }
      return undefined;
    });
    if (!tenant || tenant.status !== 'deleted') {
      io.err(
        `tenant ${id} is not deleted yet (${tenant?.status ?? 'still deleting'}); it resumes on the next run`,
      );
      return EXIT.failed;
    }
    const report = await tenancy.inspect(tenant);
    if (values.json)
      io.out(
        JSON.stringify({ id, status: tenant.status, rows_left: report.rows, storage_exists: report.exists }),
      );
    else {
      const storage =
        tenant.isolation === 'pool'
          ? 'shared pool schema kept'
          : report.exists
            ? 'storage still exists'
            : 'storage gone';
      io.out(`tenant ${id} deleted: ${report.rows} rows left, ${storage}`);
    }
    return EXIT.ok;
  },
};
