import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { startTenantbase, type Tenantbase } from '../server.js';
import type { CliCommand } from './cli-command.js';
import { type CliIo, CliUsageError, EXIT } from './cli-io.js';
import { resumeTenantCommand, suspendTenantCommand } from './commands/change-tenant-status.js';
import { createAdminCommand } from './commands/create-admin.js';
import { createTenantCommand } from './commands/create-tenant.js';
import { deleteTenantCommand } from './commands/delete-tenant.js';
import { exportTenantCommand } from './commands/export-tenant.js';
import { moveTenantCommand } from './commands/move-tenant.js';
import { importTenantCommand } from './commands/import-tenant.js';
import { listTenantsCommand } from './commands/list-tenants.js';
import { doctorCommand } from './commands/run-doctor-command.js';
import { migrateCommand } from './commands/migrate-storages.js';
import { rotateKeysCommand } from './commands/rotate-keys.js';
import { repairTenantRoleCommand } from './commands/repair-tenant-role.js';
import { rotateTenantCredentialsCommand } from './commands/rotate-tenant-credentials.js';
import { auditVerifyCommand } from './commands/verify-audit-command.js';

/** Every CLI command; the usage text is built from this list. */
export const commands: CliCommand[] = [
  listTenantsCommand,
  createTenantCommand,
  suspendTenantCommand,
  resumeTenantCommand,
  deleteTenantCommand,
  exportTenantCommand,
  importTenantCommand,
  moveTenantCommand,
  rotateTenantCredentialsCommand,
  repairTenantRoleCommand,
  migrateCommand,
  createAdminCommand,
  rotateKeysCommand,
  auditVerifyCommand,
  doctorCommand,
];

const USAGE = `usage: tenantbase <command> [options]

commands:
${commands.map((command) => `  ${command.usage}`).join('\n')}

Configuration comes from the environment and .env, as for \`npm start\`: without DATABASE_URL the
embedded PostgreSQL in DATA_DIR is used (joined if a server already runs it).
--json prints results as JSON for scripts. Exit status: 0 done, 1 the work failed, 2 it could not run.`;

const stdio: CliIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

function findCommand(words: string[]): { command: CliCommand; rest: string[] } | undefined {
  for (const command of commands) {
    const name = command.name.split(' ');
    if (name.every((word, i) => words[i] === word)) return { command, rest: words.slice(name.length) };
  }
  return undefined;
}

/** Runs one CLI invocation and returns its exit status; `env` defaults to the process environment. */
export async function runCli(
  argv: string[],
  options: { env?: Record<string, string | undefined>; io?: CliIo } = {},
): Promise<number> {
  const io = options.io ?? stdio;
  const words = argv.filter((arg) => !arg.startsWith('-'));
  if (argv.includes('--help') || argv.includes('-h') || words.length === 0) {
    (words.length === 0 && !argv.includes('--help') && !argv.includes('-h') ? io.err : io.out)(USAGE);
    return words.length === 0 && !argv.includes('--help') && !argv.includes('-h') ? EXIT.unusable : EXIT.ok;
  }
  const json = argv.includes('--json');
  const fail = (code: string, message: string, status: number, details?: unknown) => {
    io.err(
      json
        ? JSON.stringify({ error: { code, message, ...(details ? { details } : {}) } })
        : `tenantbase: ${message}`,
    );
    return status;
  };
  const found = findCommand(words);
  if (!found) {
    const group = commands.filter((command) => command.name.split(' ')[0] === words[0]);
    if (group.length > 0 && words.length === 1) {
      const usage = `usage: tenantbase ${words[0]} <${group.map((c) => c.name.split(' ')[1]).join('|')}> [options]\n\n${group.map((c) => `  ${c.usage}`).join('\n')}`;
      if (json) return fail('USAGE', usage, EXIT.unusable);
      io.err(usage);
      return EXIT.unusable;
    }
    if (json) return fail('USAGE', `unknown command "${words.join(' ')}"`, EXIT.unusable);
    io.err(`tenantbase: unknown command "${words.join(' ')}"\n\n${USAGE}`);
    return EXIT.unusable;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...found.command.options, json: { type: 'boolean' } },
    });
  } catch (error) {
    return fail(
      'USAGE',
      `${(error as Error).message}\nusage: tenantbase ${found.command.usage}`,
      EXIT.unusable,
    );
  }
  for (const [option, allowed] of Object.entries(found.command.choices ?? {})) {
    const value = (parsed.values as Record<string, unknown>)[option];
    if (typeof value === 'string' && !allowed.includes(value)) {
      return fail(
        'USAGE',
        `--${option} must be one of ${allowed.join(', ')} (got "${value}")\nusage: tenantbase ${found.command.usage}`,
        EXIT.unusable,
      );
    }
  }
  const positionals = parsed.positionals.slice(found.command.name.split(' ').length);

  let installation: Tenantbase | undefined;
  try {
    const config = loadConfig(options.env ?? process.env);
    installation = await startTenantbase(config, {
      startWorker: false,
      // With --json, stderr carries only the error object a script parses.
      log: json ? () => undefined : (line) => io.err(`tenantbase: ${line}`),
    });
    return await found.command.run(installation, { positionals, values: parsed.values }, io);
  } catch (error) {
    if (error instanceof ConfigError)
      return fail('CONFIG', `invalid configuration: ${error.message}`, EXIT.unusable);
    if (error instanceof CliUsageError) return fail('USAGE', error.message, EXIT.unusable);
    if (error instanceof AppError) {
      const status = error.status >= 500 ? EXIT.failed : EXIT.unusable;
      if (json) return fail(error.code, error.message, status, error.details);
      const details = error.details?.map((d) => `\n  ${d.path}: ${d.message}`).join('') ?? '';
      return fail(error.code, `${error.message}${details}`, status);
    }
    return fail('FAILED', `failed: ${error instanceof Error ? error.message : String(error)}`, EXIT.unusable);
  } finally {
    await installation?.close();
  }
}
