import type pg from 'pg';

/** A platform administrator's id, email and password hash, for sign-in only. */
export interface AdminCredentials {
  id: string;
  email: string;
  role: string;
  password_hash: string;
}

/**
 * Reads an administrator's password hash over the owner pool: the application role may write
 * `password_hash` (create, reset) but not read it back (see grantAppRole).
 */
export async function findAdminCredentials(
  ownerPool: pg.Pool,
  email: string,
): Promise<AdminCredentials | undefined> {
  const { rows } = await ownerPool.query<AdminCredentials>(
    'select id, email, role, password_hash from platform.platform_admins where email = $1',
    [email.toLowerCase()],
  );
  return rows[0];
}
