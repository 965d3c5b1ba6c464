import { runCli } from '../../src/cli/run-cli.js';

/** One `tenantbase` invocation in-process, with what it printed to stdout and stderr. */
export async function runCliCaptured(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, {
    env,
    io: { out: (text) => out.push(text), err: (text) => err.push(text) },
  });
  return { status, out: out.join('\n'), err: err.join('\n') };
}
