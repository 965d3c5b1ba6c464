import { runPlatformMigrations } from '../../db/platform-migrations.js';
import { findBehind, migrateTenantStorages } from '../../tenancy/migrations/migrate-tenant-storages.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';
import { progressBar } from '../progress.js';

function positiveInt(raw: unknown, flag: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new CliUsageError(`${flag} expects a whole number of at least 1`);
  return value;
}

/**
 * `migrate --platform | --tenants [--concurrency N] [--only a,b] [--canary N] | --status`
 * (seed 002's migrate_schemas --shared / --tenant). Exit status 1 when any tenant failed.
 */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage: 'migrate --platform | --tenants [--concurrency N] [--only a,b] [--canary N] | --status [--json]',
  options: {
    platform: { type: 'boolean' },
    tenants: { type: 'boolean' },
    status: { type: 'boolean' },
    concurrency: { type: 'string' },
    only: { type: 'string' },
    canary: { type: 'string' },
  },
  async run({ services }, { values }, io) {
    const { tenancy } = services;
    const only =
      typeof values.only === 'string'
        ? values.only.split(',').map((id) => parseTenantId(id.trim(), 'only'))
        : undefined;
    if (values.platform) {
      const client = await tenancy.adminPool.connect();
      try {
        const applied = await runPlatformMigrations(client, services.modules);
        io.out(
          values.json
            ? JSON.stringify({ applied })
            : applied.length
              ? `applied ${applied.join(', ')}`
              : 'platform is up to date',
        );
      } finally {
        client.release();
      }
      return EXIT.ok;
    }
    if (values.status) {
      const behind = await findBehind(tenancy, only);
      if (values.json) io.out(JSON.stringify({ latest: tenancy.latestMigrations, behind }, null, 2));
      else if (behind.length === 0) io.out('every tenant storage is up to date');
      else for (const storage of behind) io.out(`behind\t${storage.id}\t${storage.isolation}`);
      return EXIT.ok;
    }
    if (!values.tenants) throw new CliUsageError('say what to migrate: --platform, --tenants or --status');
    const started = performance.now();
    let bar: ReturnType<typeof progressBar> | undefined;
    const report = await migrateTenantStorages(tenancy, {
      concurrency: positiveInt(values.concurrency, '--concurrency', 4),
      canary: values.canary === undefined ? undefined : positiveInt(values.canary, '--canary', 1),
      only,
      onProgress: ({ done, total, tenant, ok }) => {
        if (values.json) return;
        bar ??= progressBar(io, 'migrating', total);
        bar(done, ok ? tenant : `${tenant} FAILED`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (values.json) io.out(JSON.stringify({ ...report, seconds: Number(seconds) }, null, 2));
    else {
      if (report.total === 0) io.out(`nothing pending (${seconds} s)`);
      else io.out(`migrated ${report.migrated.length} of ${report.total} storages in ${seconds} s`);
      for (const failure of report.failed) io.out(`FAILED\t${failure.tenant}\t${failure.error}`);
      if (report.stoppedAtCanary)
        io.out(`stopped after the canaries; ${report.skipped.length} not attempted`);
    }
    return report.failed.length > 0 ? EXIT.failed : EXIT.ok;
  },
};
