import { readdirSync, readFileSync } from 'node:fs';
import type { LoadResult } from './load-protocol.js';

/** CPU time spent by the server during a run, in milliseconds (user + system). */
export interface CpuSpent {
  node: number;
  /** PostgreSQL's processes together; undefined when they cannot be read (not local, no /proc). */
  postgres: number | undefined;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** Fields of /proc/<pid>/stat after the command name: [ppid, utime, stime, cutime, cstime]. */
function stat(pid: number): [number, number, number, number, number] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const at = (i: number) => Number(fields[i]);
    return [at(1), at(11), at(12), at(13), at(14)];
  } catch {
    return undefined;
  }
}

/**
 * CPU of a PostgreSQL server: the postmaster's own, that of the backends it has reaped (cutime,
 * cstime) and that of its live children. Backends that come and go are all counted.
 */
function postgresCpuMs(postmaster: number): number | undefined {
  const own = stat(postmaster);
  if (!own) return undefined;
  let ticks = own[1] + own[2] + own[3] + own[4];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const child = stat(pid);
    if (child && child[0] === postmaster) ticks += child[1] + child[2];
  }
  return ticks * TICK_MS;
}

/** utime + stime of one local process (a PostgreSQL backend), in ms; throws when it is not readable. */
export function processCpuMs(pid: number): number {
  const fields = stat(pid);
  if (!fields) throw new Error(`cannot read /proc/${pid}/stat`);
  return (fields[1] + fields[2]) * TICK_MS;
}

/** The postmaster of a local server, from one backend's parent; undefined when not readable. */
export function postmasterOf(backendPid: number): number | undefined {
  return stat(backendPid)?.[0];
}

/** Starts measuring; the returned function gives the CPU spent since. */
export function startCpuMeter(postmaster: number | undefined): () => CpuSpent {
  const node = process.cpuUsage();
  const postgres = postmaster === undefined ? undefined : postgresCpuMs(postmaster);
  return () => {
    const used = process.cpuUsage(node);
    const postgresNow = postmaster === undefined ? undefined : postgresCpuMs(postmaster);
    return {
      node: (used.user + used.system) / 1000,
      postgres: postgres === undefined || postgresNow === undefined ? undefined : postgresNow - postgres,
    };
  };
}

/** Server CPU per response over `runs`, in ms. */
export function cpuPerResponse(
  spent: CpuSpent[],
  runs: LoadResult[],
): { node: number; postgres: number | undefined } {
  const responses = runs.reduce((n, r) => n + r.responses, 0) || 1;
  const postgres = spent.some((s) => s.postgres === undefined)
    ? undefined
    : spent.reduce((ms, s) => ms + s.postgres!, 0) / responses;
  return { node: spent.reduce((ms, s) => ms + s.node, 0) / responses, postgres };
}
