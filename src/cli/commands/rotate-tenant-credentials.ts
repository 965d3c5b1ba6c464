import { rotateTenantCredentials } from '../../tenancy/credentials/rotate-tenant-credentials.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';

/** `tenants rotate-credentials <id>|--all`: new passwords for database tenants' roles, no request dropped. */
export const rotateTenantCredentialsCommand: CliCommand = {
  name: 'tenants rotate-credentials',
  usage: 'tenants rotate-credentials <id>|--all [--json]  new password for database tenants’ own roles',
  options: { all: { type: 'boolean' } },
  async run({ services }, { positionals, values }, io) {
    const { tenancy } = services;
    const [raw] = positionals;
    if ((raw === undefined) === (values.all !== true))
      throw new CliUsageError('name one tenant or --all: tenants rotate-credentials <id>|--all');
    const ids = values.all
      ? (
          await tenancy.platformDb
            .selectFrom('platform.tenants')
            .select('id')
            .where('isolation', '=', 'database')
            .where('status', 'in', ['active', 'suspended'])
            .orderBy('id')
            .execute()
        ).map((row) => row.id)
      : [parseTenantId(raw)];
    const results = [];
    let failed = false;
    for (const id of ids) {
      const tenant = await tenancy.registry.load(parseTenantId(id));
      if (!tenant) throw new CliUsageError(`no tenant ${id}`);
      const result = await rotateTenantCredentials(tenancy, tenant).catch((error: Error) => {
        failed = true;
        return { tenant: id, rotated: false, reason: error.message };
      });
      results.push(result);
      if (!values.json) io.out(result.rotated ? `${id}: rotated` : `${id}: not rotated (${result.reason})`);
    }
    if (values.json) io.out(JSON.stringify(results));
    return failed || (!values.all && !results[0]?.rotated) ? EXIT.failed : EXIT.ok;
  },
};
