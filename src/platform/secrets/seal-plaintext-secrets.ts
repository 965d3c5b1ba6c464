import type pg from 'pg';
import { sealPrivateJwk } from '../../identity/signing-key-rows.js';
import { adminMfaContext, secretContext } from './platform-secrets.js';
import type { SecretBox } from './secret-box.js';

/**
 * The data half of the migration to secrets at rest: seals, in place and in one transaction, the
 * private signing keys, platform secrets and administrators' TOTP secrets an older version stored in plain text. SQL alone
 * cannot (the key never reaches the database), so every start runs it after the platform
 * migrations; once everything is sealed it only reads. Owner connection, under the bootstrap lock.
 */
export async function sealPlaintextSecrets(owner: pg.ClientBase, box: SecretBox): Promise<number> {
  let sealed = 0;
  await owner.query('begin');
  try {
    const keys = await owner.query<{ kid: string; private_jwk: Record<string, unknown> }>(
      `select kid, private_jwk from platform.signing_keys
        where private_jwk <> '{}'::jsonb and not private_jwk ? 'sealed' for update`,
    );
    for (const row of keys.rows) {
      await owner.query(`update platform.signing_keys set private_jwk = $2 where kid = $1`, [
        row.kid,
        JSON.stringify(sealPrivateJwk(box, row.kid, row.private_jwk)),
      ]);
      sealed += 1;
    }
    const secrets = await owner.query<{ name: string; value: string }>(
      `select name, value from platform.secrets where value not like 'tbenc1.%' for update`,
    );
    for (const row of secrets.rows) {
      await owner.query(`update platform.secrets set value = $2 where name = $1`, [
        row.name,
        box.seal(row.value, secretContext(row.name)),
      ]);
      sealed += 1;
    }
    const mfa = await owner.query<{ admin_id: string; secret: string }>(
      `select admin_id, secret from platform.admin_mfa where secret not like 'tbenc1.%' for update`,
    );
    for (const row of mfa.rows) {
      await owner.query(`update platform.admin_mfa set secret = $2 where admin_id = $1`, [
        row.admin_id,
        box.seal(row.secret, adminMfaContext(row.admin_id)),
      ]);
      sealed += 1;
    }
    await owner.query('commit');
  } catch (error) {
    await owner.query('rollback');
    throw error;
  }
  return sealed;
}
