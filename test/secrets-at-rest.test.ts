import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrivateJwk } from '../src/identity/signing-key-rows.js';
import { readSecret } from '../src/platform/secrets/platform-secrets.js';
import { sealPlaintextSecrets } from '../src/platform/secrets/seal-plaintext-secrets.js';
import { findPlaintext } from './support/find-plaintext.js';
import { ADMIN, startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
let owner: pg.Client;

beforeAll(async () => {
  tb = await startTestInstance();
  owner = new pg.Client({ connectionString: tb.services.tenancy.endpoints.adminUrl });
  await owner.connect();
}, 60_000);

afterAll(async () => {
  await owner?.end();
  await tb?.destroy();
});

/** The secrets the platform database holds, in plain text, as the running server knows them. */
async function knownSecrets(): Promise<string[]> {
  const box = tb.services.tenancy.endpoints.secrets;
  const { rows } = await owner.query<{ kid: string; private_jwk: Record<string, unknown> }>(
    `select kid, private_jwk from platform.signing_keys where private_jwk <> '{}'::jsonb`,
  );
  const privateParts = rows.map((row) => String(openPrivateJwk(box, row.kid, row.private_jwk).d));
  const appPassword = decodeURIComponent(new URL(tb.services.tenancy.endpoints.appUrl).password);
  expect(privateParts.length).toBeGreaterThan(0);
  expect(privateParts.every((d) => d.length >= 40)).toBe(true);
  expect(appPassword.length).toBeGreaterThanOrEqual(32);
  return [...privateParts, appPassword];
}

describe('secrets at rest', () => {
  it('no text or JSON column of the platform database holds a private signing key or password', async () => {
    const secrets = await knownSecrets();
    expect(await findPlaintext(owner, secrets)).toEqual([]);
    // The search does find a secret that is there: the public half of a key, stored in clear on purpose.
    const { rows } = await owner.query<{ x: string }>(
      `select public_jwk->>'x' as x from platform.signing_keys limit 1`,
    );
    expect(await findPlaintext(owner, [rows[0]!.x])).toEqual(['signing_keys.public_jwk']);
  });

  it('seals in place what an older version stored in plain text, and the server still signs and starts', async () => {
    const box = tb.services.tenancy.endpoints.secrets;
    const secrets = await knownSecrets();
    // An older install: the private keys and the app role password in plain text.
    const { rows } = await owner.query<{ kid: string; private_jwk: Record<string, unknown> }>(
      `select kid, private_jwk from platform.signing_keys where private_jwk <> '{}'::jsonb`,
    );
    for (const row of rows) {
      await owner.query(`update platform.signing_keys set private_jwk = $2 where kid = $1`, [
        row.kid,
        JSON.stringify(openPrivateJwk(box, row.kid, row.private_jwk)),
      ]);
    }
    const appPassword = (await readSecret(owner, box, 'app_role_password'))!;
    await owner.query(`update platform.secrets set value = $1 where name = 'app_role_password'`, [
      appPassword,
    ]);
    expect(await findPlaintext(owner, secrets)).toEqual(
      expect.arrayContaining(['signing_keys.private_jwk', 'secrets.value']),
    );

    expect(await sealPlaintextSecrets(owner, box)).toBe(rows.length + 1);
    expect(await findPlaintext(owner, secrets)).toEqual([]);
    expect(await sealPlaintextSecrets(owner, box)).toBe(0);

    // A second process on the same databases (and DATA_DIR, hence the same generated key) opens them.
    const second = await startTestInstance({ env: tb.env });
    try {
      expect((await second.login(ADMIN.email, ADMIN.password)).split('.')).toHaveLength(3);
    } finally {
      await second.close();
    }
  });
});
