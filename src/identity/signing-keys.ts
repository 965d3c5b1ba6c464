import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../db/platform-database.js';

export const SIGNING_ALG = 'EdDSA';

type Key = Awaited<ReturnType<typeof importJWK>>;

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  publicKey: Key;
  privateKey: Key | undefined;
  createdAt: Date;
  retired: boolean;
}

/**
 * Signing keys kept in the platform database, so that every server process signs and verifies
 * with the same keys and tokens survive restarts.
 */
export class SigningKeys {
  private keys = new Map<string, LoadedKey>();
  private active: LoadedKey | undefined;
  private lastReload = 0;

  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  /** Loads the keys, creating the first one when there is none (one process wins the race). */
  async init(): Promise<void> {
    await this.reload();
    if (this.active) return;
    await this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('tenantbase:signing-keys'))`.execute(trx);
      const existing = await trx
        .selectFrom('platform.signing_keys')
        .select('kid')
        .where('retired_at', 'is', null)
        .executeTakeFirst();
      if (existing) return;
      const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, {
        crv: 'Ed25519',
        extractable: true,
      });
      const kid = randomUUID();
      await trx
        .insertInto('platform.signing_keys')
        .values({
          kid,
          alg: SIGNING_ALG,
          public_jwk: JSON.stringify({ ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: 'sig' }),
          private_jwk: JSON.stringify(await exportJWK(privateKey)),
        })
        .execute();
    });
    await this.reload();
  }

  private async reload(): Promise<void> {
    const rows = await this.db
      .selectFrom('platform.signing_keys')
      .selectAll()
      .orderBy('created_at', 'desc')
      .execute();
    const keys = new Map<string, LoadedKey>();
    for (const row of rows) {
      const publicJwk = row.public_jwk as JWK;
      const retired = row.retired_at !== null;
      keys.set(row.kid, {
        kid: row.kid,
        publicJwk,
        publicKey: await importJWK(publicJwk, SIGNING_ALG),
        privateKey: retired ? undefined : await importJWK(row.private_jwk as JWK, SIGNING_ALG),
        createdAt: row.created_at,
        retired,
      });
    }
    this.keys = keys;
    this.active = [...keys.values()].find((key) => !key.retired);
    this.lastReload = Date.now();
  }

  /** The key that signs new tokens. */
  signingKey(): { kid: string; key: Key } {
    if (!this.active?.privateKey) throw new Error('signing keys are not initialised');
    return { kid: this.active.kid, key: this.active.privateKey };
  }

  /** The public key for `kid`, reloading once in a while so keys made by other processes are found. */
  async verificationKey(kid: string): Promise<Key | undefined> {
    const known = this.keys.get(kid);
    if (known) return known.publicKey;
    if (Date.now() - this.lastReload > 5000) {
      await this.reload();
      return this.keys.get(kid)?.publicKey;
    }
    return undefined;
  }

  /** The public keys for /.well-known/jwks.json. */
  jwks(): { keys: JWK[] } {
    return { keys: [...this.keys.values()].map((key) => key.publicJwk) };
  }
}
