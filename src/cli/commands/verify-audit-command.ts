import type { CliCommand } from '../cli-command.js';
import { verifyAuditCommand } from './verify-audit.js';

/** `audit verify <tenant-id>... | --all [--json]`. */
export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  usage: 'audit verify <tenant-id>... | --all [--json]   check that audit trails are intact (exit 1 if not)',
  options: { all: { type: 'boolean' } },
  run: ({ services }, { positionals, values }, io) =>
    verifyAuditCommand(
      services.tenancy,
      { tenantIds: positionals, all: Boolean(values.all), json: Boolean(values.json) },
      io,
    ),
};
