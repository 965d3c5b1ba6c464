import type { CliIo } from './cli-io.js';

/**
 * A progress line for long work on stderr: redrawn in place on a terminal, one line per tenth
 * otherwise (CI logs), never on stdout where results and --json go.
 */
export function progressBar(io: CliIo, label: string, total: number, tty = Boolean(process.stderr.isTTY)) {
  let lastTenth = -1;
  return (done: number, note = '') => {
    if (total === 0) return;
    const ratio = done / total;
    const width = 30;
    const filled = Math.round(ratio * width);
    const line =
      `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${note}`.trimEnd();
    if (tty) {
      process.stderr.write(`\r${line.padEnd(100)}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(ratio * 10);
    if (tenth !== lastTenth || done === total) {
      lastTenth = tenth;
      io.err(line);
    }
  };
}
