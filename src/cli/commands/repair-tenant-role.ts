import { repairTenantRole, type RoleRepair } from '../../modules/tenants/repair-tenant-role.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';

/** `tenants repair-role <id>|--all`: what `tenantbase doctor` asks for when a tenant role is missing or altered. */
export const repairTenantRoleCommand: CliCommand = {
  name: 'tenants repair-role',
  usage:
    'tenants repair-role <id>|--all [--json]         re-create and re-grant schema and database tenants’ own roles',
  options: { all: { type: 'boolean' } },
  async run({ services }, { positionals, values }, io) {
    const { tenancy } = services;
    const [raw] = positionals;
    if ((raw === undefined) === (values.all !== true))
      throw new CliUsageError('name one tenant or --all: tenants repair-role <id>|--all');
    const ids = values.all
      ? (
          await tenancy.platformDb
            .selectFrom('platform.tenants')
            .select('id')
            .where('isolation', 'in', ['schema', 'database'])
            .where('status', 'in', ['active', 'suspended'])
            .orderBy('id')
            .execute()
        ).map((row) => row.id)
      : [raw!];
    const results: RoleRepair[] = [];
    for (const id of ids) {
      // One tenant named: its errors (unknown tenant, bad id) end the command with their code.
      const result = values.all
        ? await repairTenantRole(tenancy, id).catch((error: Error): RoleRepair => ({
            tenant: id,
            repaired: false,
            reason: error.message,
          }))
        : await repairTenantRole(tenancy, id);
      results.push(result);
      if (!values.json)
        io.out(
          result.repaired ? `${id}: role ${result.role} repaired` : `${id}: not repaired (${result.reason})`,
        );
    }
    if (values.json) io.out(JSON.stringify(results));
    return results.every((result) => result.repaired) ? EXIT.ok : EXIT.failed;
  },
};
