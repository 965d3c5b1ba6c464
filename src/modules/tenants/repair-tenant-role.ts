import { AppError } from '../../errors.js';
import type { Tenancy } from '../../tenancy/tenancy.js';
import { parseTenantId } from '../../tenancy/tenant-id.js';
import { recordPlatformAudit } from '../audit/record-platform-audit.js';

/** What one repair did; a tenant it cannot safely touch says why and is left as it is. */
export interface RoleRepair {
  tenant: string;
  repaired: boolean;
  role?: string;
  reason?: string;
}

/**
 * Makes a schema or database tenant's own role whole again by provisioning its storage again,
 * which is idempotent: the role is created if missing (a database tenant's with its stored
 * password), given back its fenced attributes (NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
 * NOINHERIT, NOLOGIN for a schema tenant), the application role's membership of a schema
 * tenant's role, CONNECT and TEMPORARY on its database and its grants on its own tables; a
 * pending tenant migration is applied on the way. Rights the role should not have (another
 * schema, another database, another role) are the doctor's to name and the operator's to revoke.
 *
 * Never during a move: provisioning grants writes on the storage, which would lift the fence the
 * move put on the old storage. A tenant being created, deleted or gone is not touched either.
 */
export async function repairTenantRole(tenancy: Tenancy, rawId: string): Promise<RoleRepair> {
  const id = parseTenantId(rawId, 'id');
  const tenant = await tenancy.registry.load(id);
  if (!tenant || tenant.status === 'deleted') throw new AppError('TENANT_NOT_FOUND', 'No such tenant');
  const refuse = (reason: string): RoleRepair => ({ tenant: id, repaired: false, reason });
  if (tenant.isolation === 'pool') return refuse('a pool tenant has no role of its own');
  if (tenant.status !== 'active' && tenant.status !== 'suspended')
    return refuse(`it is ${tenant.status}; only an active or suspended tenant's role is repaired`);
  const moving = await tenancy.platformDb
    .selectFrom('platform.tenant_moves')
    .select('id')
    .where('tenant_id', '=', id)
    .where('status', 'not in', ['done', 'failed'])
    .executeTakeFirst();
  const frozen = await tenancy.platformDb
    .selectFrom('platform.tenant_write_freezes')
    .select('tenant_id')
    .where('tenant_id', '=', id)
    .where('thawed', '=', false)
    .executeTakeFirst();
  if (moving || frozen) return refuse('it is being moved; run this again once the move is done');
  await tenancy.provision(tenant);
  const role = tenancy.endpoints.names.roleFor(id);
  await recordPlatformAudit(tenancy.platformDb, {
    action: 'tenant.role_repaired',
    targetType: 'tenant',
    targetId: id,
    tenantId: id,
    details: { role },
  });
  return { tenant: id, repaired: true, role };
}
