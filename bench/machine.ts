import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** What the numbers were measured on. */
export interface Machine {
  nproc: string;
  cpu: string;
  memoryGb: number;
  kernel: string;
  node: string;
  postgres: string;
  /** The commit measured, and whether the working tree had uncommitted changes. */
  code: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews results. */
  loadStart: number;
  loadEnd?: number;
}

function nproc(): string {
  try {
    return execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    return String(os.availableParallelism());
  }
}

function codeVersion(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} + uncommitted changes in src/` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export function describeMachine(postgres: string): Machine {
  return {
    nproc: nproc(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    code: codeVersion(),
    loadStart: os.loadavg()[0]!,
  };
}
