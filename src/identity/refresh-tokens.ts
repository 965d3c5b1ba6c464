import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../db/platform-database.js';

/** Who a refresh token family belongs to; every token of a family has the same. */
export interface RefreshGrant {
  familyId: string;
  subject: string;
  kind: 'platform_admin' | 'tenant_user';
  tenantId: string | null;
}

/** What the stored row says about a presented token, before anything is spent. */
export interface RefreshTokenState extends RefreshGrant {
  used: boolean;
  expired: boolean;
  /** This token or any other of its family was revoked (logout, reuse): the family is dead. */
  familyRevoked: boolean;
}

/** Only this digest is stored: a leaked table gives no usable token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Stores a fresh opaque token (256 random bits) in `grant`'s family and returns it, shown once. */
export async function createRefreshToken(
  db: Kysely<PlatformDatabase>,
  grant: RefreshGrant,
  ttlSeconds: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('platform.refresh_tokens')
    .values({
      token_hash: hashRefreshToken(token),
      family_id: grant.familyId,
      subject: grant.subject,
      kind: grant.kind,
      tenant_id: grant.tenantId,
      expires_at: sql<Date>`now() + make_interval(secs => ${ttlSeconds})`,
    })
    .execute();
  return token;
}

const familyRevoked = sql<boolean>`exists (
  select 1 from platform.refresh_tokens f where f.family_id = t.family_id and f.revoked_at is not null)`;

/** Reads a presented token's state without changing it. */
export async function findRefreshToken(
  db: Kysely<PlatformDatabase>,
  token: string,
): Promise<RefreshTokenState | undefined> {
  const row = await db
    .selectFrom('platform.refresh_tokens as t')
    .select([
      't.family_id',
      't.subject',
      't.kind',
      't.tenant_id',
      sql<boolean>`t.used_at is not null`.as('used'),
      sql<boolean>`t.expires_at <= now()`.as('expired'),
      familyRevoked.as('family_revoked'),
    ])
    .where('t.token_hash', '=', hashRefreshToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    familyId: row.family_id,
    subject: row.subject,
    kind: row.kind,
    tenantId: row.tenant_id,
    used: row.used,
    expired: row.expired,
    familyRevoked: row.family_revoked,
  };
}

/**
 * Marks a live token used in one statement: of two concurrent callers with the same token, the
 * row lock lets exactly one through; the other gets undefined and must treat it as reuse.
 */
export async function spendRefreshToken(
  db: Kysely<PlatformDatabase>,
  token: string,
): Promise<RefreshGrant | undefined> {
  const row = await db
    .updateTable('platform.refresh_tokens as t')
    .set({ used_at: sql<Date>`now()` })
    .where('t.token_hash', '=', hashRefreshToken(token))
    .where('t.used_at', 'is', null)
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', sql<Date>`now()`)
    .where(sql<boolean>`not ${familyRevoked}`)
    .returning(['t.family_id', 't.subject', 't.kind', 't.tenant_id'])
    .executeTakeFirst();
  if (!row) return undefined;
  return { familyId: row.family_id, subject: row.subject, kind: row.kind, tenantId: row.tenant_id };
}

/** Revokes every token of a family, including ones issued after this call (see familyRevoked). */
export async function revokeRefreshFamily(db: Kysely<PlatformDatabase>, familyId: string): Promise<void> {
  await db
    .updateTable('platform.refresh_tokens')
    .set({ revoked_at: sql<Date>`now()` })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * Deletes tokens expired more than `graceSeconds` ago (for a periodic job). The grace keeps a
 * recently expired row, so presenting it is still recognised as reuse.
 */
export async function purgeExpiredRefreshTokens(
  db: Kysely<PlatformDatabase>,
  graceSeconds = 7 * 86400,
): Promise<number> {
  const result = await db
    .deleteFrom('platform.refresh_tokens')
    .where('expires_at', '<', sql<Date>`now() - make_interval(secs => ${graceSeconds})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every session of one account, e.g. after a password reset or when a user is disabled. */
export async function revokeRefreshTokensOf(
  db: Kysely<PlatformDatabase>,
  account: { subject: string; tenantId: string | null },
): Promise<void> {
  await db
    .updateTable('platform.refresh_tokens')
    .set({ revoked_at: sql<Date>`now()` })
    .where('subject', '=', account.subject)
    .where('tenant_id', account.tenantId === null ? 'is' : '=', account.tenantId)
    .where('revoked_at', 'is', null)
    .execute();
}
