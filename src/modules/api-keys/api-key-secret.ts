import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isTenantId, type TenantId } from '../../tenancy/tenant-id.js';

const PREFIX = 'tbk';
const FORMAT = /^tbk\.([a-z][a-z0-9-]{1,38}[a-z0-9])\.([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;

/** The parts of a presented key; the tenant in it only says where to look, the hash decides. */
export interface ParsedApiKey {
  tenantId: TenantId;
  id: string;
  secret: string;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** `tbk.<tenant>.<key id>.<secret>`: carries its tenant so it resolves like a token's claim. */
export function newApiKey(tenantId: TenantId, id: string): { token: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${PREFIX}.${tenantId}.${id.replace(/-/g, '')}.${secret}`, secretHash: hashSecret(secret) };
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(`${PREFIX}.`);
}

export function parseApiKey(token: string): ParsedApiKey | undefined {
  const match = FORMAT.exec(token);
  if (!match || !isTenantId(match[1])) return undefined;
  const hex = match[2]!;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { tenantId: match[1], id, secret: match[3]! };
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
