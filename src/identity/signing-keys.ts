import { importJWK, type JWK } from 'jose';
import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../db/platform-database.js';
import type { SecretBox } from '../platform/secrets/secret-box.js';
import {
  DEFAULT_RETAIN_RETIRED_SECONDS,
  rotateSigningKey,
  type RotationOptions,
  type RotationResult,
} from './rotate-signing-key.js';
import { insertSigningKey, lockSigningKeys, openPrivateJwk, SIGNING_ALG } from './signing-key-rows.js';

export { SIGNING_ALG } from './signing-key-rows.js';

type Key = Awaited<ReturnType<typeof importJWK>>;

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  publicKey: Key;
  privateKey: Key | undefined;
  createdAt: number;
  activatesAt: number;
  retiredAt: number | null;
}

export interface SigningKeysOptions {
  /** How long a retired key still verifies: at least the longest access-token lifetime. */
  retainRetiredSeconds?: number;
  /** How often the keys are re-read, so a key another process rotated in is published and used. */
  reloadMs?: number;
}

/**
 * Signing keys kept in the platform database, so that every server process signs and verifies
 * with the same keys and tokens survive restarts. A key is in JWKS from its creation, signs from
 * its `activates_at` (the newest active key signs), and verifies until a while after retirement.
 */
export class SigningKeys {
  private keys = new Map<string, LoadedKey>();
  private lastReload = 0;
  private reloading: Promise<void> | undefined;
  private readonly retainMs: number;
  private readonly reloadMs: number;

  constructor(
    private readonly db: Kysely<PlatformDatabase>,
    private readonly box: SecretBox,
    options: SigningKeysOptions = {},
  ) {
    this.retainMs = (options.retainRetiredSeconds ?? DEFAULT_RETAIN_RETIRED_SECONDS) * 1000;
    this.reloadMs = options.reloadMs ?? 30_000;
  }

  /** Loads the keys, creating the first one when there is none (one process wins the race). */
  async init(): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await lockSigningKeys(trx);
      const existing = await trx
        .selectFrom('platform.signing_keys')
        .select('kid')
        .where('retired_at', 'is', null)
        .executeTakeFirst();
      // The very first key has always been active: no token was ever signed before it.
      if (!existing) await insertSigningKey(trx, this.box, new Date(0));
    });
    await this.reload();
  }

  private async reload(): Promise<void> {
    const rows = await this.db
      .selectFrom('platform.signing_keys')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('retired_at', 'is', null),
          eb('retired_at', '>', sql<Date>`now() - make_interval(secs => ${this.retainMs / 1000})`),
        ]),
      )
      .execute();
    const keys = new Map<string, LoadedKey>();
    for (const row of rows) {
      const publicJwk = row.public_jwk as JWK;
      const retired = row.retired_at !== null;
      keys.set(row.kid, {
        kid: row.kid,
        publicJwk,
        publicKey: await importJWK(publicJwk, SIGNING_ALG),
        privateKey: retired
          ? undefined
          : await importJWK(openPrivateJwk(this.box, row.kid, row.private_jwk), SIGNING_ALG),
        createdAt: row.created_at.getTime(),
        activatesAt: row.activates_at.getTime(),
        retiredAt: row.retired_at?.getTime() ?? null,
      });
    }
    this.keys = keys;
    this.lastReload = Date.now();
  }

  /** Re-reads the keys when the last read is older than the reload interval (one read at a time). */
  async refreshIfStale(): Promise<void> {
    if (Date.now() - this.lastReload < this.reloadMs) return;
    this.reloading ??= this.reload().finally(() => {
      this.reloading = undefined;
    });
    await this.reloading;
  }

  /** The key that signs new tokens: the newest one whose activation time has come. */
  signingKey(): { kid: string; key: Key } {
    const now = Date.now();
    let best: LoadedKey | undefined;
    for (const key of this.keys.values()) {
      if (!key.privateKey || key.retiredAt !== null || key.activatesAt > now) continue;
      if (
        !best ||
        key.activatesAt > best.activatesAt ||
        (key.activatesAt === best.activatesAt && key.createdAt > best.createdAt)
      )
        best = key;
    }
    if (!best?.privateKey) throw new Error('signing keys are not initialised');
    return { kid: best.kid, key: best.privateKey };
  }

  private usable(key: LoadedKey | undefined): Key | undefined {
    if (!key) return undefined;
    if (key.retiredAt !== null && key.retiredAt + this.retainMs <= Date.now()) return undefined;
    return key.publicKey;
  }

  /** The public key for `kid`, reloading once in a while so keys made by other processes are found. */
  async verificationKey(kid: string): Promise<Key | undefined> {
    const known = this.keys.get(kid);
    if (known) return this.usable(known);
    if (Date.now() - this.lastReload > 5000) {
      await this.reload();
      return this.usable(this.keys.get(kid));
    }
    return undefined;
  }

  /** The public keys for /.well-known/jwks.json: active, announced and recently retired ones. */
  jwks(): { keys: JWK[] } {
    // Answer from memory; a stale copy is refreshed for the next caller.
    void this.refreshIfStale().catch(() => undefined);
    const now = Date.now();
    return {
      keys: [...this.keys.values()]
        .filter((key) => key.retiredAt === null || key.retiredAt + this.retainMs > now)
        .sort((a, b) => b.activatesAt - a.activatesAt)
        .map((key) => key.publicJwk),
    };
  }

  /** Rotates the keys (see rotateSigningKey) and picks the result up in this process at once. */
  async rotate(options: RotationOptions = {}): Promise<RotationResult> {
    const result = await rotateSigningKey(this.db, this.box, {
      retainRetiredSeconds: this.retainMs / 1000,
      ...options,
    });
    await this.reload();
    return result;
  }
}
