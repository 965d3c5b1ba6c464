import type { ParseArgsConfig } from 'node:util';
import type { Tenantbase } from '../server.js';
import type { CliIo } from './cli-io.js';

export type CliValues = Record<string, string | boolean | undefined>;

/** One `tenantbase <words...>` command: its options and how it runs against the installation. */
export interface CliCommand {
  /** The words that select it, e.g. `tenants list` or `migrate`. */
  name: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Allowed values of string options, checked before anything starts (exit 2 naming them). */
  choices?: Record<string, readonly string[]>;
  run(
    installation: Tenantbase,
    args: { positionals: string[]; values: CliValues },
    io: CliIo,
  ): Promise<number>;
}
