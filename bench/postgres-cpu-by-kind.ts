import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** PostgreSQL CPU in ms over a run, split by what the process was doing. */
export interface PostgresCpuByKind {
  /** Every process under the postmaster, reaped ones included (the meter's total). */
  total: number;
  /** Per kind (`client: tenant database`, `autovacuum worker`, `io worker`, …), from samples. */
  kinds: Record<string, number>;
  /** Backends that started during the run, and the CPU they had used when first seen. */
  newBackends: { count: number; cpuAtFirstSight: number };
  /** Short-lived processes that came and went between two samples, and the tail after a last sample. */
  unattributed: number;
}

interface Seen {
  kind: string;
  /** CPU ms at the first and the last sample. */
  first: number;
  last: number;
  /** CPU ms when first seen, for a process that started during the run. */
  bornWith: number | undefined;
}

/** Time on CPU in ms from /proc/<pid>/schedstat (nanoseconds: no 10 ms ticks to round away short backends). */
function runtimeMs(pid: number, fallbackTicks: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return fallbackTicks * TICK_MS;
  }
}

function readStat(pid: number): { ppid: number; ticks: number; reaped: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const at = (i: number) => Number(fields[i]);
    return { ppid: at(1), ticks: at(11) + at(12), reaped: at(13) + at(14) };
  } catch {
    return undefined;
  }
}

/**
 * The process title PostgreSQL sets, reduced to a kind: a client backend's title is
 * `postgres: user database host(port) state`, so it is told apart by its database.
 */
function kindOf(pid: number, tenantDatabasePrefix: string): string {
  let title: string;
  try {
    title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
  } catch {
    return 'gone';
  }
  const rest = title.replace(/^postgres:\s*/, '');
  for (const background of [
    'autovacuum worker',
    'autovacuum launcher',
    'checkpointer',
    'background writer',
    'walwriter',
    'io worker',
    'logical replication launcher',
    'walsummarizer',
    'parallel worker',
  ])
    if (rest.startsWith(background)) return background;
  const words = rest.split(' ');
  if (words.length >= 3) {
    const database = words[1]!;
    const state = words.slice(3).join(' ');
    const where = database.startsWith(tenantDatabasePrefix) ? 'tenant database' : 'platform database';
    return state.startsWith('authentication') ? `client: ${where} (authenticating)` : `client: ${where}`;
  }
  return 'other';
}

/**
 * Samples PostgreSQL's processes every `everyMs` until stopped and splits the CPU they spent by
 * kind. A process is charged from its first sample to its last; one that started during the
 * run is charged from zero, so its start-up (fork, authentication, catalogue cache) counts.
 */
export function sampleCpuByKind(
  postmaster: number,
  tenantDatabasePrefix: string,
  everyMs = 100,
): () => PostgresCpuByKind {
  const seen = new Map<number, Seen>();
  const postmasterOwnMs = () => runtimeMs(postmaster, readStat(postmaster)?.ticks ?? 0);
  /** The postmaster's own CPU, its reaped children's (ticks: the kernel sums them at exit) and its live children's. */
  const serverCpuMs = () => {
    let cpuMs = postmasterOwnMs() + (readStat(postmaster)?.reaped ?? 0) * TICK_MS;
    for (const name of readdirSync('/proc')) {
      const pid = Number(name);
      if (!Number.isInteger(pid)) continue;
      const stat = readStat(pid);
      if (stat && stat.ppid === postmaster) cpuMs += runtimeMs(pid, stat.ticks);
    }
    return cpuMs;
  };
  const startPostmasterOwn = postmasterOwnMs();
  const startTotal = serverCpuMs();
  let started = false;
  const take = () => {
    for (const name of readdirSync('/proc')) {
      const pid = Number(name);
      if (!Number.isInteger(pid)) continue;
      const stat = readStat(pid);
      if (!stat || stat.ppid !== postmaster) continue;
      const cpuMs = runtimeMs(pid, stat.ticks);
      const known = seen.get(pid);
      if (known) {
        known.last = cpuMs;
        // A backend's title changes with its state; a process keeps its first non-authenticating kind.
        if (known.kind.includes('authenticating')) known.kind = kindOf(pid, tenantDatabasePrefix);
      } else {
        seen.set(pid, {
          kind: kindOf(pid, tenantDatabasePrefix),
          first: started ? 0 : cpuMs,
          last: cpuMs,
          bornWith: started ? cpuMs : undefined,
        });
      }
    }
  };
  take();
  started = true;
  const timer = setInterval(take, everyMs);
  return () => {
    clearInterval(timer);
    take();
    const total = serverCpuMs() - startTotal;
    const kinds: Record<string, number> = {};
    let attributed = 0;
    let count = 0;
    let cpuAtFirstSight = 0;
    for (const process of seen.values()) {
      const spent = process.last - process.first;
      const kind = process.kind.replace(' (authenticating)', '');
      kinds[kind] = (kinds[kind] ?? 0) + spent;
      attributed += spent;
      if (process.bornWith !== undefined) {
        count += 1;
        cpuAtFirstSight += process.bornWith;
      }
    }
    const postmasterOwn = postmasterOwnMs() - startPostmasterOwn;
    kinds.postmaster = postmasterOwn;
    return {
      total,
      kinds,
      newBackends: { count, cpuAtFirstSight },
      unattributed: total - attributed - postmasterOwn,
    };
  };
}
