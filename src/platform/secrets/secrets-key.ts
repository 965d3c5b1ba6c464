import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Why a SECRETS_KEY value is refused, or undefined when it is 32 bytes of base64. */
export function secretsKeyProblem(raw: string): string | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) return 'expected base64 (openssl rand -base64 32)';
  const key = Buffer.from(raw, raw.includes('-') || raw.includes('_') ? 'base64url' : 'base64');
  if (key.length !== 32)
    return `expected 32 bytes of base64 (openssl rand -base64 32), got ${key.length} bytes`;
  return undefined;
}

/** Decodes a SECRETS_KEY that passed `secretsKeyProblem`. */
export function decodeSecretsKey(raw: string): Buffer {
  return Buffer.from(raw, raw.includes('-') || raw.includes('_') ? 'base64url' : 'base64');
}

/** Where the generated key of an installation without SECRETS_KEY lives. */
export function generatedKeyPath(dataDir: string): string {
  return path.join(dataDir, 'secrets.key');
}

/**
 * The key generated once under DATA_DIR (mode 0600) for an installation without SECRETS_KEY.
 * Written to a temporary file and hard-linked into place, so two processes starting at once
 * agree on one key and neither ever reads a half-written file.
 */
export function generatedSecretsKey(dataDir: string): Buffer {
  const file = generatedKeyPath(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  chmodSync(file, 0o600);
  const raw = readFileSync(file, 'utf8').trim();
  const problem = secretsKeyProblem(raw);
  if (problem) throw new Error(`${file}: ${problem}`);
  return decodeSecretsKey(raw);
}
