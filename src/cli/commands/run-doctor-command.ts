import { runDoctor } from '../../modules/doctor/run-doctor.js';
import type { CliCommand } from '../cli-command.js';
import { EXIT } from '../cli-io.js';
import { formatTable } from '../print-table.js';

/** `doctor [--tenant ID] [--json]`: every isolation invariant; exit 1 when any check fails. */
export const doctorCommand: CliCommand = {
  name: 'doctor',
  usage:
    'doctor [--tenant <id>] [--json]                check every isolation invariant (exit 1 if one fails)',
  options: { tenant: { type: 'string' } },
  async run({ services }, { values }, io) {
    const report = await runDoctor(services.tenancy, {
      ...(typeof values.tenant === 'string' ? { tenantId: values.tenant } : {}),
    });
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else {
      const shown = report.checks.filter((check) => check.status !== 'ok');
      for (const line of formatTable(
        ['STATUS', 'CHECK', 'DETAIL'],
        shown.map((check) => [check.status.toUpperCase(), check.name, check.detail]),
      ))
        io.out(line);
      io.out(
        `${report.counts.ok} ok, ${report.counts.warn} warn, ${report.counts.fail} fail (${report.checks.length} checks in ${report.duration_ms} ms)`,
      );
    }
    return report.counts.fail > 0 ? EXIT.failed : EXIT.ok;
  },
};
