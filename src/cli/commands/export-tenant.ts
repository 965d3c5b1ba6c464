import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { exportFilePath } from '../../modules/tenant-archive/export-files.js';
import { exportTenant } from '../../modules/tenant-archive/export-tenant.js';
import { getTenantExport } from '../../modules/tenant-archive/get-tenant-export.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';
import { runJobsUntil } from '../wait-for.js';

/** `tenants export <id> [--out file]`: one portable archive of all the tenant's data. */
export const exportTenantCommand: CliCommand = {
  name: 'tenants export',
  usage: 'tenants export <id> [--out <file>] [--json]     write a portable archive of the tenant',
  options: { out: { type: 'string' } },
  async run(installation, { positionals, values }, io) {
    const [id] = positionals;
    if (!id) throw new CliUsageError('name the tenant: tenants export <id> [--out file]');
    const { tenancy, config } = installation.services;
    const started = await exportTenant(tenancy, id);
    if (!values.json) io.err(`exporting ${id}...`);
    const row = await runJobsUntil(installation, async () => {
      const current = await getTenantExport(tenancy.platformDb, id, started.id);
      return current.status === 'running' ? undefined : current;
    });
    if (!row || row.status !== 'done' || !row.file_name) {
      io.err(`export ${started.id} of ${id} did not finish: ${row?.status ?? 'still running'}`);
      return EXIT.failed;
    }
    const source = exportFilePath(config.dataDir, row.file_name);
    const target = typeof values.out === 'string' ? path.resolve(values.out) : source;
    if (target !== source) await copyFile(source, target);
    if (values.json)
      io.out(
        JSON.stringify({
          id: row.id,
          tenant_id: id,
          file: target,
          size_bytes: row.size_bytes,
          sha256: row.sha256,
        }),
      );
    else io.out(`${target} (${row.size_bytes} bytes, sha256 ${row.sha256})`);
    return EXIT.ok;
  },
};
