import type pg from 'pg';
import { SecretBox } from './secret-box.js';

/** The authenticated context of a `platform.secrets` row: a value only opens under its own name. */
export function secretContext(name: string): string {
  return `platform.secrets:${name}`;
}

/**
 * Stores `plaintext` sealed under `name` unless a value is there already; answers the value that
 * is stored now (the existing one when another process got there first). Owner connection only.
 */
export async function ensureSecret(
  owner: pg.ClientBase | pg.Pool,
  box: SecretBox,
  name: string,
  plaintext: string,
): Promise<string> {
  await owner.query(
    `insert into platform.secrets (name, value) values ($1, $2) on conflict (name) do nothing`,
    [name, box.seal(plaintext, secretContext(name))],
  );
  const stored = await readSecret(owner, box, name);
  if (stored === undefined) throw new Error(`platform secret ${name} vanished while it was stored`);
  return stored;
}

/** Replaces (or creates) the secret `name`. */
export async function writeSecret(
  owner: pg.ClientBase | pg.Pool,
  box: SecretBox,
  name: string,
  plaintext: string,
): Promise<void> {
  await owner.query(
    `insert into platform.secrets (name, value) values ($1, $2)
     on conflict (name) do update set value = excluded.value`,
    [name, box.seal(plaintext, secretContext(name))],
  );
}

/** The secret `name` in plain text, or undefined; a value left unsealed is read as it is. */
export async function readSecret(
  owner: pg.ClientBase | pg.Pool,
  box: SecretBox,
  name: string,
): Promise<string | undefined> {
  const { rows } = await owner.query<{ value: string }>(
    `select value from platform.secrets where name = $1`,
    [name],
  );
  const value = rows[0]?.value;
  if (value === undefined) return undefined;
  return SecretBox.isSealed(value) ? box.open(value, secretContext(name)) : value;
}

/** Removes the secret `name` (a deleted tenant's credentials). */
export async function deleteSecret(owner: pg.ClientBase | pg.Pool, name: string): Promise<void> {
  await owner.query(`delete from platform.secrets where name = $1`, [name]);
}

/** The authenticated context of an administrator's TOTP secret: it opens on their row only. */
export const adminMfaContext = (adminId: string) => `admin_mfa:${adminId}`;
