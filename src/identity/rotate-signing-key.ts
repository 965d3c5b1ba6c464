import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../db/platform-database.js';
import type { SecretBox } from '../platform/secrets/secret-box.js';
import { insertSigningKey, lockSigningKeys } from './signing-key-rows.js';

/** Long enough for every process to re-read the keys (30 s) and for JWKS caches of other services. */
export const DEFAULT_ROTATION_GRACE_SECONDS = 3600;

/** The longest access-token lifetime the configuration allows, so no retired key is dropped too early. */
export const DEFAULT_RETAIN_RETIRED_SECONDS = 86_400;

export interface RotationOptions {
  /** Seconds the new key is published before it signs. */
  graceSeconds?: number;
  /** Seconds a retired key still verifies and stays in JWKS: at least the access-token lifetime. */
  retainRetiredSeconds?: number;
}

export interface RotationResult {
  /** The new key: in JWKS now, signing from `activatesAt`. */
  kid: string;
  activatesAt: Date;
  /** The key that keeps signing until then. */
  signingKid: string | undefined;
  /** Older keys that had already stopped signing: retired now, their private halves erased. */
  retired: string[];
  /** Keys retired long enough ago that no token of theirs can still be valid: deleted. */
  purged: string[];
}

/**
 * One rotation step, for `SigningKeys.rotate()` and the CLI alike: publishes a new key that signs
 * after a grace period, retires the keys the current signer superseded (they verify for
 * `retainRetiredSeconds` more) and deletes keys retired longer ago than that.
 */
export async function rotateSigningKey(
  db: Kysely<PlatformDatabase>,
  box: SecretBox,
  options: RotationOptions = {},
): Promise<RotationResult> {
  const grace = options.graceSeconds ?? DEFAULT_ROTATION_GRACE_SECONDS;
  const retain = options.retainRetiredSeconds ?? DEFAULT_RETAIN_RETIRED_SECONDS;
  if (!(grace >= 0) || !(retain >= 0)) throw new RangeError('grace and retention must be at least 0 seconds');
  return db.transaction().execute(async (trx) => {
    await lockSigningKeys(trx);
    const { now } = (await sql<{ now: Date }>`select now() as now`.execute(trx)).rows[0]!;
    const signer = await trx
      .selectFrom('platform.signing_keys')
      .select('kid')
      .where('retired_at', 'is', null)
      .where('activates_at', '<=', now)
      .orderBy('activates_at', 'desc')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    let retired: string[] = [];
    if (signer) {
      // Every other key that has activated is older than the signer and no longer signs.
      const rows = await trx
        .updateTable('platform.signing_keys')
        .set({ retired_at: now, private_jwk: '{}' })
        .where('retired_at', 'is', null)
        .where('activates_at', '<=', now)
        .where('kid', '<>', signer.kid)
        .returning('kid')
        .execute();
      retired = rows.map((row) => row.kid);
    }
    const purged = await trx
      .deleteFrom('platform.signing_keys')
      .where('retired_at', '<', new Date(now.getTime() - retain * 1000))
      .returning('kid')
      .execute();
    const created = await insertSigningKey(trx, box, new Date(now.getTime() + grace * 1000));
    return {
      ...created,
      signingKid: signer?.kid,
      retired,
      purged: purged.map((row) => row.kid),
    };
  });
}
