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
import { migrateCommand } from './commands/migrate-storages.js';
import { rotateKeysCommand } from './commands/rotate-keys.js';
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
  migrateCommand,
  createAdminCommand,
  rotateKeysCommand,
  auditVerifyCommand,
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
  const found = findCommand(words);
  if (!found) {
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
    io.err(`tenantbase: ${(error as Error).message}\nusage: tenantbase ${found.command.usage}`);
    return EXIT.unusable;
  }
  const positionals = parsed.positionals.slice(found.command.name.split(' ').length);

  let installation: Tenantbase | undefined;
  try {
    const config = loadConfig(options.env ?? process.env);
    installation = await startTenantbase(config, {
      startWorker: false,
      log: (line) => io.err(`tenantbase: ${line}`),
    });
    return await found.command.run(installation, { positionals, values: parsed.values }, io);
  } catch (error) {
    if (error instanceof ConfigError) io.err(`tenantbase: invalid configuration: ${error.message}`);
    else if (error instanceof CliUsageError) io.err(`tenantbase: ${error.message}`);
    else if (error instanceof AppError) {
      const details = error.details?.map((d) => `\n  ${d.path}: ${d.message}`).join('') ?? '';
      io.err(`tenantbase: ${error.message}${details}`);
      return error.status >= 500 ? EXIT.failed : EXIT.unusable;
    } else io.err(`tenantbase: failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.unusable;
  } finally {
    await installation?.close();
  }
}
