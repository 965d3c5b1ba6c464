import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIsolation, type IsolationCheck } from '../../src/tenancy/doctor/check-isolation.js';
import { sealPlaintextSecrets } from '../../src/platform/secrets/seal-plaintext-secrets.js';
import { openPrivateJwk } from '../../src/identity/signing-key-rows.js';
import { readSecret } from '../../src/platform/secrets/platform-secrets.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

/**
 * Breaks the per-tenant role fence and secrets at rest on purpose, and requires `tenantbase
 * doctor`'s checks to fail for each break and pass again once it is repaired.
 */
let tb: TestInstance;
const TENANTS = { schemaA: 'cm-schema-a', schemaB: 'cm-schema-b', dbA: 'cm-db-a', dbB: 'cm-db-b' } as const;
const ROLES_CHECK = 'tenant roles: reach only their own storage';
const SECRETS_CHECK = 'secrets not in plain text';

const check = (results: IsolationCheck[], name: string) => results.find((result) => result.name === name)!;
const owner = (sql: string) => tb.services.tenancy.adminPool.query(sql);
const names = () => tb.services.tenancy.endpoints.names;
const role = (id: string) => `"${names().roleFor(id as TenantId)}"`;

/** Applies `mutation`, returns the named check's verdict, and always repairs with `restore`. */
async function underMutation(name: string, mutation: string, restore: string): Promise<IsolationCheck> {
  await owner(mutation);
  try {
    return check(await checkIsolation(tb.services.tenancy), name);
  } finally {
    await owner(restore);
  }
}

beforeAll(async () => {
  tb = await startTestInstance();
  await tb.createTenant({ id: TENANTS.schemaA, isolation: 'schema' });
  await tb.createTenant({ id: TENANTS.schemaB, isolation: 'schema' });
  await tb.createTenant({ id: TENANTS.dbA, isolation: 'database' });
  await tb.createTenant({ id: TENANTS.dbB, isolation: 'database' });
}, 120_000);
afterAll(async () => {
  await tb?.destroy();
});

describe('the doctor catches', () => {
  it('nothing on a healthy install', async () => {
    const results = await checkIsolation(tb.services.tenancy);
    expect(check(results, ROLES_CHECK)).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/^4 tenant role/),
    });
    expect(check(results, SECRETS_CHECK)).toMatchObject({ status: 'ok' });
  });

  it('a tenant role that may use another tenant’s schema, or the platform’s', async () => {
    const other = `"${names().schemaFor(TENANTS.schemaB as TenantId)}"`;
    const found = await underMutation(
      ROLES_CHECK,
      `grant usage on schema ${other} to ${role(TENANTS.schemaA)}`,
      `revoke usage on schema ${other} from ${role(TENANTS.schemaA)}`,
    );
    expect(found.status).toBe('fail');
    expect(found.detail).toContain(`may use schema ${names().schemaFor(TENANTS.schemaB as TenantId)}`);
    const platform = await underMutation(
      ROLES_CHECK,
      `grant usage on schema platform to ${role(TENANTS.schemaB)}`,
      `revoke usage on schema platform from ${role(TENANTS.schemaB)}`,
    );
    expect(platform.detail).toContain(`${TENANTS.schemaB}: role`);
  });

  it('a database tenant’s role that may connect to another tenant’s database', async () => {
    const other = `"${names().databaseFor(TENANTS.dbB as TenantId)}"`;
    const found = await underMutation(
      ROLES_CHECK,
      `grant connect on database ${other} to ${role(TENANTS.dbA)}`,
      `revoke connect on database ${other} from ${role(TENANTS.dbA)}`,
    );
    expect(found.status).toBe('fail');
    expect(found.detail).toContain(`may connect to database ${names().databaseFor(TENANTS.dbB as TenantId)}`);
  });

  it('a tenant role that bypasses row-level security, can log in unasked, belongs to another role, or is gone', async () => {
    for (const [mutation, restore, expected] of [
      [
        `alter role ${role(TENANTS.schemaA)} bypassrls`,
        `alter role ${role(TENANTS.schemaA)} nobypassrls`,
        /BYPASSRLS/,
      ],
      [
        `alter role ${role(TENANTS.schemaA)} login`,
        `alter role ${role(TENANTS.schemaA)} nologin`,
        /can log in/,
      ],
      [
        `grant ${role(TENANTS.dbB)} to ${role(TENANTS.dbA)}`,
        `revoke ${role(TENANTS.dbB)} from ${role(TENANTS.dbA)}`,
        /is a member of/,
      ],
      [
        `alter role ${role(TENANTS.dbB)} rename to ${role(`${TENANTS.dbB}-x`)}`,
        `alter role ${role(`${TENANTS.dbB}-x`)} rename to ${role(TENANTS.dbB)}`,
        /is missing/,
      ],
    ] as const) {
      const found = await underMutation(ROLES_CHECK, mutation, restore);
      expect(found.status, mutation).toBe('fail');
      expect(found.detail, mutation).toMatch(expected);
    }
    expect(check(await checkIsolation(tb.services.tenancy), ROLES_CHECK).status).toBe('ok');
  });

  it('a secret or private signing key in plain text', async () => {
    const { tenancy } = tb.services;
    const password = (await readSecret(tenancy.adminPool, tenancy.endpoints.secrets, 'app_role_password'))!;
    await owner(`update platform.secrets set value = '${password}' where name = 'app_role_password'`);
    const found = check(await checkIsolation(tenancy), SECRETS_CHECK);
    expect(found).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('app_role_password is in plain text'),
    });
    const client = await tenancy.adminPool.connect();
    try {
      expect(await sealPlaintextSecrets(client, tenancy.endpoints.secrets)).toBe(1);
    } finally {
      client.release();
    }
    expect(check(await checkIsolation(tenancy), SECRETS_CHECK).status).toBe('ok');

    const { rows } = await tenancy.adminPool.query<{ kid: string; private_jwk: Record<string, unknown> }>(
      `select kid, private_jwk from platform.signing_keys where private_jwk <> '{}'::jsonb limit 1`,
    );
    const plain = openPrivateJwk(tenancy.endpoints.secrets, rows[0]!.kid, rows[0]!.private_jwk);
    await tenancy.adminPool.query(`update platform.signing_keys set private_jwk = $2 where kid = $1`, [
      rows[0]!.kid,
      JSON.stringify(plain),
    ]);
    const key = check(await checkIsolation(tenancy), SECRETS_CHECK);
    expect(key).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining(`${rows[0]!.kid} is in plain text`),
    });
    const again = await tenancy.adminPool.connect();
    try {
      expect(await sealPlaintextSecrets(again, tenancy.endpoints.secrets)).toBe(1);
    } finally {
      again.release();
    }
    expect(check(await checkIsolation(tenancy), SECRETS_CHECK).status).toBe('ok');
  });
});
