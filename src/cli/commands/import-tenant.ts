import { ISOLATIONS, TIERS } from '../../tenancy/tiers.js';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { importTenant } from '../../modules/tenant-archive/import-tenant.js';
import type { ImportTargetOptions } from '../../modules/tenant-archive/import-target.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';

/** `tenants import <file> --tenant <id> [--isolation i] [--tier t] [--name n]`: into a new or empty tenant. */
export const importTenantCommand: CliCommand = {
  name: 'tenants import',
  usage:
    'tenants import <file> --tenant <id> [--isolation i] [--tier t] [--name n] [--json]   load an archive into a new or empty tenant',
  choices: { tier: TIERS, isolation: ISOLATIONS },
  options: {
    tenant: { type: 'string' },
    isolation: { type: 'string' },
    tier: { type: 'string' },
    name: { type: 'string' },
  },
  async run({ services }, { positionals, values }, io) {
    const [file] = positionals;
    if (!file || typeof values.tenant !== 'string') {
      throw new CliUsageError('usage: tenants import <file> --tenant <id>');
    }
    const source = path.resolve(file);
    await access(source).catch(() => {
      throw new CliUsageError(`cannot read ${source}`);
    });
    const options: ImportTargetOptions = {
      ...(typeof values.isolation === 'string'
        ? { isolation: values.isolation as ImportTargetOptions['isolation'] }
        : {}),
      ...(typeof values.tier === 'string' ? { tier: values.tier as ImportTargetOptions['tier'] } : {}),
      ...(typeof values.name === 'string' ? { name: values.name } : {}),
    };
    const result = await importTenant(services, values.tenant, source, options);
    if (values.json)
      io.out(
        JSON.stringify({
          tenant_id: result.tenant.id,
          created: result.created,
          rows: result.rows,
          tables: result.tables,
        }),
      );
    else
      io.out(
        `imported ${result.rows} rows into ${result.tenant.id} (${result.tenant.isolation}${result.created ? ', new tenant' : ''})`,
      );
    return EXIT.ok;
  },
};
