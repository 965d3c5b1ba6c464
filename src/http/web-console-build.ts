import { existsSync, readdirSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';

/** The web console's sources (`web/`) and its build (`web/dist`), beside `src/` and `dist/` (the build keeps the depth). */
export const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));
export const WEB_DIST = path.join(WEB_DIR, 'dist');

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

/** Whether `web/dist` is missing or older than a file it was built from. */
export function webConsoleBuildNeeded(): boolean {
  const index = path.join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  if (!existsSync(path.join(WEB_DIR, 'src'))) return false;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((name) => path.join(WEB_DIR, name));
  const newestSource = Math.max(...sources.filter((file) => existsSync(file)).map(newestChange));
  return newestSource > statSync(index).mtimeMs;
}

/**
 * Builds the console when `npm install` did not (or its sources changed since), so a first
 * `npm start` serves it with no extra command. Without Vite (production install without
 * devDependencies) the API still starts and the console page says how to build it.
 */
export async function ensureWebConsoleBuild(log: (line: string) => void): Promise<void> {
  if (!webConsoleBuildNeeded()) return;
  let build: (typeof Vite)['build'];
  try {
    ({ build } = await import('vite'));
  } catch {
    log('the web console is not built and Vite is not installed: run `npm install` to build it');
    return;
  }
  log('building the web console (web/dist), once');
  // Built aside and swapped in, so concurrent starts (test workers) never serve a half-written build.
  const staging = `${WEB_DIST}.building-${process.pid}`;
  // Vite takes NODE_ENV from the process when it is set (vitest sets `test`), and React's
  // development build (double effects, slow) must never be what the server hands out.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(WEB_DIR, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: staging, emptyOutDir: true },
    });
    await swapIn(staging);
  } catch (error) {
    log(`web console build failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    await rm(staging, { recursive: true, force: true });
  }
}

async function swapIn(staging: string): Promise<void> {
  const old = `${WEB_DIST}.old-${process.pid}`;
  await rename(WEB_DIST, old).catch(() => undefined);
  try {
    await rename(staging, WEB_DIST);
  } catch {
    // Another process swapped its build in first: theirs is as good as ours.
  }
  await rm(old, { recursive: true, force: true });
}
