import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { type CliIo, CliUsageError, EXIT } from './cli-io.js';
import { verifyAuditCommand } from './commands/verify-audit.js';
import { openTenancy } from './open-tenancy.js';

const USAGE = `usage: tenantbase <command> [options]

commands:
  audit verify <tenant-id>...   check that each tenant's audit trail is intact
  audit verify --all            check the audit trail of every tenant

options:
  --json   print one JSON document for scripts
  --help   show this help

Configuration comes from the environment and .env, as for \`npm start\`: without DATABASE_URL the
embedded PostgreSQL in DATA_DIR is used (joined if a server already runs it).
Exit status: 0 all intact, 1 tampering found, 2 the command could not run.`;

const stdio: CliIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

/** Runs one CLI invocation and returns its exit status; `env` defaults to the process environment. */
export async function runCli(
  argv: string[],
  options: { env?: Record<string, string | undefined>; io?: CliIo } = {},
): Promise<number> {
  const io = options.io ?? stdio;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.err(`tenantbase: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.unusable;
  }
  const { values, positionals } = parsed;
  const [group, verb, ...rest] = positionals;
  if (values.help || group === undefined) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? EXIT.ok : EXIT.unusable;
  }
  if (group !== 'audit' || verb !== 'verify') {
    io.err(`tenantbase: unknown command "${positionals.join(' ')}"\n\n${USAGE}`);
    return EXIT.unusable;
  }

  let context;
  try {
    const config = loadConfig(options.env ?? process.env);
    context = await openTenancy(config, (line) => io.err(`tenantbase: ${line}`));
    return await verifyAuditCommand(
      context.tenancy,
      { tenantIds: rest, all: values.all ?? false, json: values.json ?? false },
      io,
    );
  } catch (error) {
    if (error instanceof ConfigError) io.err(`tenantbase: invalid configuration: ${error.message}`);
    else if (error instanceof CliUsageError) io.err(`tenantbase: ${error.message}`);
    else io.err(`tenantbase: failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.unusable;
  } finally {
    await context?.close();
  }
}
