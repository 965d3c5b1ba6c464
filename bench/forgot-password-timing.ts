/**
 * Times `POST /auth/forgot-password` for existing and unknown emails against a running server
 * (BASE_URL, ADMIN_EMAIL, ADMIN_PASSWORD): both must take the same path, so their latencies
 * must not tell an account's existence. Requests alternate existing/unknown, one at a time, from
 * several loopback source addresses so the per-address reset limit (20 an hour) is not reached.
 *
 *   BASE_URL=http://127.0.0.1:3000 ADMIN_EMAIL=... ADMIN_PASSWORD=... npx tsx bench/forgot-password-timing.ts
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const rounds = Number(process.env.ROUNDS ?? 100);
/** The bits of an envelope this script reads. */
interface Answer {
  data?: { access_token?: string; status?: string };
}

const tenant = `timing${Date.now().toString(36)}`;

function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  localAddress?: string,
): Promise<{ status: number; json: Answer; ms: number }> {
  const url = new URL(`/api/v1${path}`, base);
  const payload = JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            json: (text ? JSON.parse(text) : {}) as Answer,
            ms: performance.now() - started,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

async function get(path: string, token: string): Promise<Answer> {
  const response = await fetch(new URL(`/api/v1${path}`, base), {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as Answer;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const describe = (values: number[]) =>
  `median ${quantile(values, 0.5).toFixed(1)} ms, p90 ${quantile(values, 0.9).toFixed(1)} ms, mean ${(
    values.reduce((a, b) => a + b, 0) / values.length
  ).toFixed(1)} ms`;

async function main(): Promise<void> {
  const admin = await post('/auth/login', {
    email: process.env.ADMIN_EMAIL,
    password: process.env.ADMIN_PASSWORD,
  });
  const adminToken = admin.json.data!.access_token!;
  const created = await post(
    '/tenants',
    {
      id: tenant,
      name: tenant,
      isolation: 'pool',
      admin_email: `owner@${tenant}.test`,
      admin_password: 'owner-password-1',
    },
    { authorization: `Bearer ${adminToken}` },
  );
  if (created.status !== 202) throw new Error(JSON.stringify(created.json));
  while ((await get(`/tenants/${tenant}`, adminToken)).data?.status !== 'active') {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const owner = await post('/auth/login', {
    email: `owner@${tenant}.test`,
    password: 'owner-password-1',
    tenant_id: tenant,
  });
  const ownerToken = owner.json.data!.access_token!;
  // Five resets per account an hour: enough accounts that none reaches its limit.
  const accounts = Math.ceil(rounds / 4);
  for (let i = 0; i < accounts; i += 1) {
    const user = await post(
      '/users',
      { email: `user${i}@${tenant}.test`, role: 'member', password: 'member-password-1' },
      { authorization: `Bearer ${ownerToken}`, 'x-tenant-id': tenant },
    );
    if (user.status !== 201) throw new Error(JSON.stringify(user.json));
  }
  const existing: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const from = `127.0.0.${2 + Math.floor(i / 9)}`; // 18 requests per source address
    const known = await post(
      '/auth/forgot-password',
      { email: `user${i % accounts}@${tenant}.test` },
      { 'x-tenant-id': tenant },
      from,
    );
    const missing = await post(
      '/auth/forgot-password',
      { email: `nobody${i}@${tenant}.test` },
      { 'x-tenant-id': tenant },
      from,
    );
    if (known.status !== 202 || missing.status !== 202) throw new Error(`${known.status} ${missing.status}`);
    if (i >= 5) {
      // The first few warm the paths up.
      existing.push(known.ms);
      unknown.push(missing.ms);
    }
  }
  console.log(`existing email (${existing.length}): ${describe(existing)}`);
  console.log(`unknown email  (${unknown.length}): ${describe(unknown)}`);
}

await main();
