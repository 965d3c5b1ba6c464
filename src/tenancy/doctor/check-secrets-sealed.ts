import type pg from 'pg';
import type { SecretBox } from '../../platform/secrets/secret-box.js';
import { type IsolationCheck, verdict } from './isolation-check.js';

/**
 * "Secrets not in plain text": every platform secret, live private signing key and administrator's
 * TOTP secret is sealed,
 * with a key this process can open (a sealed value under an unknown key is as lost as a leak is
 * bad). Read as the owner: the application role cannot see these tables at all.
 */
export async function checkSecretsSealed(owner: pg.Pool, box: SecretBox): Promise<IsolationCheck> {
  const { rows } = await owner.query<{ place: string; value: string | null }>(
    `select 'platform.secrets ' || name as place, value from platform.secrets
     union all
     select 'platform.signing_keys ' || kid, private_jwk->>'sealed' from platform.signing_keys
      where private_jwk <> '{}'::jsonb
     union all
     select 'platform.admin_mfa of administrator ' || admin_id, secret from platform.admin_mfa`,
  );
  const broken: string[] = [];
  for (const row of rows) {
    if (row.value === null || !row.value.startsWith('tbenc1.')) broken.push(`${row.place} is in plain text`);
    else if (!box.knows(row.value.split('.')[1]!))
      broken.push(`${row.place} is sealed with a key this server lacks`);
  }
  return verdict(
    'secrets not in plain text',
    broken,
    `${rows.length} secret(s) sealed with SECRETS_KEY`,
    'restart a server (each start seals what is in plain text), or give SECRETS_KEY the key they were sealed with',
  );
}
