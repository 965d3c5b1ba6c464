import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import { findRefreshToken, revokeRefreshFamily } from '../../identity/refresh-tokens.js';

/** Logout: revokes the refresh token's whole family. Idempotent, and silent about unknown tokens. */
export async function endSession(db: Kysely<PlatformDatabase>, refreshToken: string): Promise<void> {
  const state = await findRefreshToken(db, refreshToken);
  if (state) await revokeRefreshFamily(db, state.familyId);
}
