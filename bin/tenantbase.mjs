#!/usr/bin/env node
// From a source checkout with its dev tooling, tsx compiles the CLI on the fly, in this process (so
// signals and the exit status are the CLI's own) and a stale dist/ is never run. A production
// install (`npm ci --omit=dev`, no tsx) runs the build, dist/ (`npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/cli/main.ts', import.meta.url);
const built = new URL('../dist/cli/main.js', import.meta.url);
const tsx = existsSync(fileURLToPath(source))
  ? await import('tsx/esm/api').catch(() => undefined)
  : undefined;
if (tsx) {
  await tsx.tsImport('../src/cli/main.ts', import.meta.url);
} else if (existsSync(fileURLToPath(built))) {
  await import(built.href);
} else {
  console.error('tenantbase: no build in dist/ and no tsx to run the sources: run `npm run build`');
  process.exit(1);
}
