import type { Kysely } from 'kysely';
import { validate as isUuid } from 'uuid';
import type { PlatformDatabase } from '../../db/platform-database.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';

/** Who an audit actor id is, as people read it; both null when the actor is gone or unnamed. */
export interface AuditActor {
  email: string | null;
  name: string | null;
}

export type AuditActors = ReadonlyMap<string, AuditActor>;

interface ActorRef {
  actor_type: string;
  actor_id: string | null;
}

/** Actor ids of one kind; only UUIDs, as users and platform admins have, so the cast cannot fail. */
function idsOf(rows: readonly ActorRef[], type: string): string[] {
  const ids = rows.filter((row) => row.actor_type === type && row.actor_id && isUuid(row.actor_id));
  return [...new Set(ids.map((row) => row.actor_id!))];
}

/** The tenant's own users among the actors: read through the scope, so no other tenant's user can appear. */
export async function findTenantActors(scope: TenantScope, rows: readonly ActorRef[]): Promise<AuditActors> {
  const ids = idsOf(rows, 'tenant_user');
  if (ids.length === 0) return new Map();
  const users = await scope.db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', 'in', ids)
    .execute();
  return new Map(users.map((user) => [user.id, { email: user.email, name: user.name }]));
}

/** Platform administrators among the actors; called after the tenant scope is released, never inside it. */
export async function findPlatformActors(
  db: Kysely<PlatformDatabase>,
  rows: readonly ActorRef[],
): Promise<AuditActors> {
  const ids = idsOf(rows, 'platform_admin');
  if (ids.length === 0) return new Map();
  const admins = await db
    .selectFrom('platform.platform_admins')
    .select(['id', 'email'])
    .where('id', 'in', ids)
    .execute();
  return new Map(admins.map((admin) => [admin.id, { email: admin.email, name: null }]));
}

/** The people behind a page of entries, by actor type: an id of one kind never matches a person of another. */
export type ActorDirectory = Partial<Record<'tenant_user' | 'platform_admin', AuditActors>>;

/** The person behind an entry, or nobody (system, API key, a user since deleted). */
export function actorOf(row: ActorRef, directory: ActorDirectory): AuditActor {
  const actors = directory[row.actor_type as keyof ActorDirectory];
  return (row.actor_id && actors?.get(row.actor_id)) || { email: null, name: null };
}
