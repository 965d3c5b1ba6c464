// `npm install`'s prepare step: builds the web console when Vite (a dev dependency) is installed.
// `npm ci --omit=dev` has no Vite; the console then comes from `npm run build` (or a Docker build
// stage), and the install must not fail for it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let vite;
try {
  // vite's exports map hides bin/: find it from its package.json, which it does export.
  const manifest = require.resolve('vite/package.json');
  vite = path.join(path.dirname(manifest), require(manifest).bin.vite);
} catch {
  console.log('tenantbase: Vite is not installed (production install); web console not built here');
  process.exit(0);
}
const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts'], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
