import { getTenantMove } from '../../modules/tenant-move/get-tenant-move.js';
import { startTenantMove } from '../../modules/tenant-move/start-tenant-move.js';
import { toMoveView } from '../../modules/tenant-move/tenant-move.schema.js';
import { ISOLATIONS } from '../../tenancy/tiers.js';
import type { Isolation } from '../../tenancy/tenant-scope.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';
import { runJobsUntil } from '../wait-for.js';

/** `tenants move <id> --isolation X [--placement P] [--wait]`: the same move as POST /tenants/{id}/move. */
export const moveTenantCommand: CliCommand = {
  name: 'tenants move',
  usage:
    'tenants move <id> --isolation pool|schema|database [--placement P] [--wait] [--json]     move a tenant, keeping its id',
  options: { isolation: { type: 'string' }, placement: { type: 'string' }, wait: { type: 'boolean' } },
  async run(installation, { positionals, values }, io) {
    const [id] = positionals;
    const isolation = values.isolation;
    if (!id || (isolation !== undefined && !ISOLATIONS.includes(isolation as Isolation))) {
      throw new CliUsageError(
        'usage: tenants move <id> --isolation pool|schema|database [--placement P] [--wait]',
      );
    }
    const { tenancy } = installation.services;
    const started = await startTenantMove(tenancy, id, {
      ...(typeof isolation === 'string' ? { isolation: isolation as Isolation } : {}),
      ...(typeof values.placement === 'string' ? { placement: values.placement } : {}),
    });
    if (!values.wait) {
      io.out(values.json ? JSON.stringify(toMoveView(started)) : `move ${started.id} of ${id} queued`);
      return EXIT.ok;
    }
    let shown = '';
    const row = await runJobsUntil(installation, async () => {
      const current = await getTenantMove(tenancy.platformDb, id, started.id);
      const line = `${current.status} (${current.rows_copied} rows copied)`;
      if (line !== shown && !values.json) io.err(`moving ${id}: ${line}`);
      shown = line;
      return current.status === 'done' || current.status === 'failed' ? current : undefined;
    });
    if (values.json && row) io.out(JSON.stringify(toMoveView(row)));
    if (!row || row.status !== 'done') {
      io.err(`move ${started.id} of ${id} did not finish: ${row?.error ?? row?.status ?? 'still running'}`);
      return EXIT.failed;
    }
    if (!values.json)
      io.out(`${id} now lives in ${row.to_isolation} (${row.to_placement}); ${row.rows_copied} rows copied`);
    return EXIT.ok;
  },
};
