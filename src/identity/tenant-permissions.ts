import { LRUCache } from 'lru-cache';
import { AppError } from '../errors.js';
import type { Principal } from './access-tokens.js';
import type { TenantRecord } from '../tenancy/registry/tenant-record.js';
import type { Tenancy } from '../tenancy/tenancy.js';
import { effectivePermissions, type Permission } from './permissions.js';

interface Loaded {
  byRole: Map<string, readonly Permission[]>;
}

/**
 * Turns role names into permissions from each tenant's own `roles` table, so custom roles and
 * edited built-in roles take effect. The table is read once per tenant every few seconds; a
 * role change in this process invalidates at once, other processes catch up within `ttlMs`.
 */
export class TenantPermissions {
  private readonly loaded: LRUCache<string, Loaded>;
  private readonly loading = new Map<string, Promise<Loaded>>();
  // Bumped by invalidate(), so a read that started before a role change is never cached after it.
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly tenancy: Tenancy,
    ttlMs = 5000,
  ) {
    this.loaded = new LRUCache({ max: 10_000, ttl: ttlMs });
  }

  /** Every permission the roles grant in `tenant`; unknown roles grant nothing. */
  async permissionsOf(tenant: TenantRecord, roles: readonly string[]): Promise<ReadonlySet<Permission>> {
    const { byRole } = await this.rolesOf(tenant);
    return new Set(roles.flatMap((role) => byRole.get(role) ?? []));
  }

  async grants(tenant: TenantRecord, roles: readonly string[], permission: Permission): Promise<boolean> {
    const { byRole } = await this.rolesOf(tenant);
    return roles.some((role) => byRole.get(role)?.includes(permission));
  }

  /**
   * The one permission rule inside a tenant: platform administrators hold every permission
   *, an API key exactly what it was granted, a user what the tenant's own roles table
   * grants their roles today, not what the seed once did.
   */
  async assertGranted(tenant: TenantRecord, principal: Principal, permission: Permission): Promise<void> {
    if (principal.kind === 'platform_admin') return;
    const granted = principal.permissions
      ? principal.permissions.includes(permission)
      : await this.grants(tenant, principal.roles, permission);
    if (!granted) throw new AppError('FORBIDDEN', `This needs the ${permission} permission`);
  }

  /** Forgets the tenant's roles after this process changed them. */
  invalidate(tenantId: string): void {
    this.generation.set(tenantId, (this.generation.get(tenantId) ?? 0) + 1);
    this.loaded.delete(tenantId);
    this.loading.delete(tenantId);
  }

  private async rolesOf(tenant: TenantRecord): Promise<Loaded> {
    const hit = this.loaded.get(tenant.id);
    if (hit) return hit;
    let pending = this.loading.get(tenant.id);
    if (!pending) {
      pending = this.load(tenant).finally(() => {
        if (this.loading.get(tenant.id) === pending) this.loading.delete(tenant.id);
      });
      this.loading.set(tenant.id, pending);
    }
    return pending;
  }

  private async load(tenant: TenantRecord): Promise<Loaded> {
    const generation = this.generation.get(tenant.id) ?? 0;
    const rows = await this.tenancy.withTenant(tenant, (scope) =>
      scope.db
        .selectFrom('roles')
        .select(['name', 'permissions'])
        .where('tenant_id', '=', scope.tenantId)
        .execute(),
    );
    const loaded: Loaded = {
      byRole: new Map(rows.map((row) => [row.name, effectivePermissions(row.name, row.permissions)])),
    };
    if ((this.generation.get(tenant.id) ?? 0) === generation) this.loaded.set(tenant.id, loaded);
    return loaded;
  }
}
