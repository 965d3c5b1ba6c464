import type { TenantScope } from '../../tenancy/tenant-scope.js';
import type { User } from './users.schema.js';

/** The stored columns of a user that the API shows (never the password hash). */
export const USER_COLUMNS = [
  'id',
  'email',
  'status',
  'name',
  'job_title',
  'department',
  'created_at',
] as const;

export interface UserRow {
  id: string;
  email: string;
  status: string;
  name: string | null;
  job_title: string | null;
  department: string | null;
  created_at: Date;
}

/** The profile fields (seed 002) a create or update may set; null clears one. */
export const PROFILE_FIELDS = ['name', 'job_title', 'department'] as const;
export type UserProfile = Partial<Record<(typeof PROFILE_FIELDS)[number], string | null>>;

/** The profile fields present in a request body, trimmed (empty text clears the field). */
export function profileOf(body: UserProfile): UserProfile {
  const profile: UserProfile = {};
  for (const field of PROFILE_FIELDS) {
    const value = body[field];
    if (value !== undefined) profile[field] = value === null ? null : value.trim() || null;
  }
  return profile;
}

/**
 * The API shape of stored users: their role names and whether their current address is
 * verified, read with two queries for the whole page rather than two per user.
 */
export async function toUsers(scope: TenantScope, rows: UserRow[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [roles, verified] = await Promise.all([
    scope.db
      .selectFrom('user_roles')
      .select(['user_id', 'role'])
      .where('tenant_id', '=', scope.tenantId)
      .where('user_id', 'in', ids)
      .orderBy('role')
      .execute(),
    scope.db
      .selectFrom('email_verifications')
      .select(['user_id', 'email', 'verified_at'])
      .where('tenant_id', '=', scope.tenantId)
      .where('user_id', 'in', ids)
      .execute(),
  ]);
  return rows.map((row) => {
    const verification = verified.find((v) => v.user_id === row.id && v.email === row.email);
    return {
      id: row.id,
      email: row.email,
      roles: roles.filter((r) => r.user_id === row.id).map((r) => r.role),
      status: row.status as User['status'],
      name: row.name,
      job_title: row.job_title,
      department: row.department,
      email_verified_at: verification ? verification.verified_at.toISOString() : null,
      created_at: row.created_at.toISOString(),
    };
  });
}
