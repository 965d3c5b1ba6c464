import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { PlatformDatabase } from '../db/platform-database.js';

/** The one algorithm Tenantbase signs and accepts; pinned so a token cannot choose it. */
export const SIGNING_ALG = 'EdDSA';

/** Serialises key creation and rotation across every process sharing the platform database. */
export async function lockSigningKeys(trx: Transaction<PlatformDatabase>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('tenantbase:signing-keys'))`.execute(trx);
}

/** Generates an Ed25519 key pair and stores it; it signs from `activatesAt` on, and is public at once. */
export async function insertSigningKey(
  db: Kysely<PlatformDatabase>,
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
      private_jwk: JSON.stringify(await exportJWK(privateKey)),
      activates_at: activatesAt,
    })
    .execute();
  return { kid, activatesAt };
}
