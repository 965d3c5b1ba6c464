import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { PlatformDatabase } from '../db/platform-database.js';
import type { SecretBox } from '../platform/secrets/secret-box.js';

/** The one algorithm Tenantbase signs and accepts; pinned so a token cannot choose it. */
export const SIGNING_ALG = 'EdDSA';

/** Serialises key creation and rotation across every process sharing the platform database. */
export async function lockSigningKeys(trx: Transaction<PlatformDatabase>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('tenantbase:signing-keys'))`.execute(trx);
}

/** What `private_jwk` holds: the private JWK sealed for its own kid, never the key itself. */
export function sealPrivateJwk(
  box: SecretBox,
  kid: string,
  jwk: Record<string, unknown>,
): { sealed: string } {
  return { sealed: box.seal(JSON.stringify(jwk), `signing_key:${kid}`) };
}

/** The private JWK of a stored row; a row from before encryption (not yet sealed) is read as it is. */
export function openPrivateJwk(box: SecretBox, kid: string, stored: Record<string, unknown>): JWK {
  if (typeof stored.sealed !== 'string') return stored as JWK;
  return JSON.parse(box.open(stored.sealed, `signing_key:${kid}`)) as JWK;
}

/** Generates an Ed25519 key pair and stores it (the private half sealed); it signs from `activatesAt` on, and is public at once. */
export async function insertSigningKey(
  db: Kysely<PlatformDatabase>,
  box: SecretBox,
  activatesAt: Date,
): Promise<{ kid: string; activatesAt: Date }> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
  const kid = randomUUID();
  await db
    .insertInto('platform.signing_keys')
    .values({
      kid,
      alg: SIGNING_ALG,
      public_jwk: JSON.stringify({ ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: 'sig' }),
      private_jwk: JSON.stringify(sealPrivateJwk(box, kid, await exportJWK(privateKey))),
      activates_at: activatesAt,
    })
    .execute();
  return { kid, activatesAt };
}
