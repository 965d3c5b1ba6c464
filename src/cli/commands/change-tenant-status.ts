import { changeTenantStatus } from '../../modules/tenants/change-tenant-status.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';

function statusCommand(action: 'suspend' | 'resume'): CliCommand {
  return {
    name: `tenants ${action}`,
    usage: `tenants ${action} <id> [--json]${' '.repeat(action === 'suspend' ? 19 : 20)}${action} a tenant`,
    options: {},
    async run({ services }, { positionals, values }, io) {
      const [id] = positionals;
      if (!id) throw new CliUsageError(`name the tenant: tenants ${action} <id>`);
      const tenant = await changeTenantStatus(services.tenancy, id, action);
      if (values.json) io.out(JSON.stringify({ id: tenant.id, status: tenant.status }));
      else io.out(`tenant ${tenant.id} is ${tenant.status}`);
      return EXIT.ok;
    },
  };
}

export const suspendTenantCommand = statusCommand('suspend');
export const resumeTenantCommand = statusCommand('resume');
